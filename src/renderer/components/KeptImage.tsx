import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeptImage } from './useKeptImage';
import './keptImage.css';

export type KeptImageKind = 'photo' | 'signature';

/** The kept image, once loaded; what shows while it loads or when it is gone. */
export function KeptImageView({ sha256, kind }: { sha256: string; kind: KeptImageKind }) {
  const { t } = useTranslation();
  const image = useKeptImage(sha256);
  if (image.status === 'ready') {
    return <img className={`kept-image kept-${kind}`} src={image.dataUrl} alt={t(`workflows.kept.${kind}`)} />;
  }
  return (
    <span className="wf-muted" aria-busy={image.status === 'loading'}>
      {image.status === 'missing' ? t('workflows.kept.unavailable') : t('workflows.kept.loading')}
    </span>
  );
}

/**
 * A button in a list of events that shows an event's kept photo or signature below it. Nothing is
 * fetched until the teacher asks: a list of a hundred events loads no images.
 */
export function KeptImageToggle({ sha256, kind }: { sha256: string; kind: KeptImageKind }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <span className="kept-toggle">
      <button type="button" className="small" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('workflows.kept.hide') : t(kind === 'photo' ? 'workflows.kept.showPhoto' : 'workflows.kept.showSignature')}
      </button>
      {shown && <KeptImageView sha256={sha256} kind={kind} />}
    </span>
  );
}

/** Which kept image an event names, if any: an incident's photo or a release's signature. */
export function keptImageOf(event: {
  details: Record<string, unknown>;
  payload: Record<string, unknown> | null;
}): { sha256: string; kind: KeptImageKind } | null {
  if (typeof event.details.photoHash === 'string') return { sha256: event.details.photoHash, kind: 'photo' };
  if (typeof event.payload?.signatureImageHash === 'string') return { sha256: event.payload.signatureImageHash, kind: 'signature' };
  return null;
}
