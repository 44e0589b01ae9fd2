import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { downloadPdf } from '../office/downloadPdf';

/** "Rapport maken" beside an incident: its chain-of-custody report downloads as a PDF. */
export function IncidentReportButton({ seq, onError }: { seq: number; onError: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    try {
      const made = await call('makeCustodyReport', { scope: { kind: 'incident', seq }, language: i18n.language === 'en' ? 'en' : 'nl' });
      downloadPdf(made.fileName, made.base64);
    } catch (e) {
      onError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="small" disabled={busy} aria-label={t('teacher.corrections.reportLabel', { seq })} onClick={() => void make()}>
      {t('teacher.corrections.report')}
    </button>
  );
}
