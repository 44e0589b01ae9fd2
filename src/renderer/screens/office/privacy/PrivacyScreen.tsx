import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import { downloadFile } from '../downloadPdf';
import { EraseRequest } from './EraseRequest';
import './privacy.css';

type PrivacyPupil = MethodResult<'privacyPupils'>['pupils'][number];

export const pupilName = (p: PrivacyPupil): string => [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');

/**
 * The office's AVG requests about one pupil: everything held about them as a PDF or CSV for the
 * parent (art. 15), and erasure (art. 17), refused by the core while a case is open. Pupils who
 * left are listed too: a parent may ask after their child has gone.
 */
export function PrivacyScreen() {
  const { t, i18n } = useTranslation();
  const [pupils, setPupils] = useState<PrivacyPupil[]>([]);
  const [query, setQuery] = useState('');
  const [pupilId, setPupilId] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(() => {
    call('privacyPupils', {}).then(
      (r) => setPupils(r.pupils),
      (e: unknown) => setStatus({ ok: false, text: errorText(e, i18n.language) }),
    );
  }, [i18n.language]);
  useEffect(load, [load]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? pupils.filter((p) => `${pupilName(p)} ${p.groep}`.toLowerCase().includes(q)) : pupils;
  }, [pupils, query]);

  const access = async (format: 'pdf' | 'csv') => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await call('subjectAccess', { pupilId, format });
      downloadFile(file.fileName, file.base64, file.mime);
      setStatus({ ok: true, text: t('privacy.office.made', { file: file.fileName, events: file.events }) });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e, i18n.language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy.office.title')}</h2>
      <p>{t('privacy.office.intro')}</p>
      <div className="privacy-panel">
        <label className="wf-field">
          <span className="wf-label">{t('privacy.office.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <div className="wf-field">
          <label className="wf-label" htmlFor="privacy-pupil">
            {t('privacy.office.pupil')}
          </label>
          <select id="privacy-pupil" value={pupilId} onChange={(e) => (setPupilId(e.target.value), setStatus(null))}>
            <option value="">{t('privacy.office.choose')}</option>
            {shown.map((p) => (
              <option key={p.pupilId} value={p.pupilId}>
                {pupilName(p)} {p.groep ? `(${p.groep})` : ''} {p.active ? '' : `— ${t('privacy.office.left')}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      {pupilId && (
        <div className="privacy-actions">
          <fieldset className="privacy-panel">
            <legend>{t('privacy.office.accessTitle')}</legend>
            <div className="privacy-buttons">
              <button type="button" className="primary" disabled={busy} onClick={() => void access('pdf')}>
                {t('privacy.office.pdf')}
              </button>
              <button type="button" disabled={busy} onClick={() => void access('csv')}>
                {t('privacy.office.csv')}
              </button>
            </div>
          </fieldset>
          <EraseRequest
            key={pupilId}
            pupilId={pupilId}
            onDone={(text, ok) => {
              setStatus({ ok, text });
              if (ok) {
                setPupilId('');
                load();
              }
            }}
          />
        </div>
      )}
      {status && (
        <p className="notice" role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
