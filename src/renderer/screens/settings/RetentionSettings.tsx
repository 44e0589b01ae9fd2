import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurgeSummary, Settings } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { Field, numberValue, Section } from './fields';

type Retention = Settings['retention'];

/**
 * The school's retention periods, saved with the other settings; the dry run shows what the
 * saved periods would erase now, and "erase now" runs the purge the kiosk otherwise runs daily.
 */
export function RetentionSettings({ draft, onChange }: { draft: Retention; onChange: (next: Retention) => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const describe = (s: PurgeSummary) =>
    s.dryRun
      ? t('privacy.retention.previewResult', { events: s.events, routine: s.routine, closedCases: s.closedCases, leftPupils: s.leftPupils, openCases: s.openCases })
      : s.events === 0
        ? t('privacy.retention.nothing')
        : t('privacy.retention.purged', { events: s.events });
  const run = (method: 'previewPurge' | 'runPurge') => {
    setBusy(true);
    call(method, {})
      .then((s) => setResult({ ok: true, text: describe(s) }))
      .catch((e: unknown) => setResult({ ok: false, text: errorText(e, i18n.language) }))
      .finally(() => setBusy(false));
  };
  const field = (key: keyof Retention, max: number) => (
    <Field id={`retention-${key}`} label={t(`privacy.retention.${key}`)}>
      <input id={`retention-${key}`} type="number" min={1} max={max} required value={draft[key]}
        onChange={(e) => onChange({ ...draft, [key]: numberValue(e.target.value, draft[key]) })} />
    </Field>
  );

  return (
    <Section title={t('privacy.retention.title')}>
      <p className="field-hint">{t('privacy.retention.intro')}</p>
      <div className="field-grid">
        {field('routineWeeks', 520)}
        {field('closedCaseMonths', 120)}
        {field('leftPupilMonths', 120)}
      </div>
      <p className="field-hint">{t('privacy.retention.hint')}</p>
      <div className="retention-actions">
        <button type="button" disabled={busy} onClick={() => run('previewPurge')}>
          {t('privacy.retention.preview')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => run('runPurge')}>
          {t('privacy.retention.purgeNow')}
        </button>
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'status-ok' : 'status-error'} data-testid="retention-result">
          {result.text}
        </p>
      )}
    </Section>
  );
}
