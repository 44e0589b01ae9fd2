import { useTranslation } from 'react-i18next';
import type { InsurerFacts } from '../../../shared/contract';

/** The form's text for each fact; empty fields are left out of the report. */
export interface InsurerDraft {
  discoveredAt: string;
  witnesses: string;
  policeReportNumber: string;
  purchaseDate: string;
  purchasePrice: string;
}

export const emptyInsurerDraft: InsurerDraft = { discoveredAt: '', witnesses: '', policeReportNumber: '', purchaseDate: '', purchasePrice: '' };

/** "349,00" or "349.50" or "349" in euros, as cents; null when it is no amount. */
export function priceCents(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** What the draft says, as the contract takes it (a local date-time becomes ISO with its offset). */
export function insurerFacts(draft: InsurerDraft): InsurerFacts | undefined {
  const cents = priceCents(draft.purchasePrice);
  const facts: InsurerFacts = {
    ...(draft.discoveredAt ? { discoveredAt: new Date(draft.discoveredAt).toISOString() } : {}),
    ...(draft.witnesses.trim() ? { witnesses: draft.witnesses.trim() } : {}),
    ...(draft.policeReportNumber.trim() ? { policeReportNumber: draft.policeReportNumber.trim() } : {}),
    ...(draft.purchaseDate ? { purchaseDate: draft.purchaseDate } : {}),
    ...(cents !== null ? { purchasePriceCents: cents } : {}),
  };
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** The optional facts an insurer asks, folded away so a quick report stays quick. */
export function InsurerFields({ draft, onChange }: { draft: InsurerDraft; onChange: (draft: InsurerDraft) => void }) {
  const { t } = useTranslation();
  const field = (key: keyof InsurerDraft, type: string, label: string, extra: Record<string, string> = {}) => (
    <label className="wf-field">
      <span className="wf-label">{label}</span>
      <input className="wf-input" type={type} value={draft[key]} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} {...extra} />
    </label>
  );
  return (
    <details className="wf-insurer">
      <summary>{t('workflows.incident.insurer')}</summary>
      <p className="wf-muted wf-small">{t('workflows.incident.insurerHint')}</p>
      {field('discoveredAt', 'datetime-local', t('workflows.incident.discoveredAt'))}
      {field('witnesses', 'text', t('workflows.incident.witnesses'), { maxLength: '500' })}
      {field('policeReportNumber', 'text', t('workflows.incident.policeReportNumber'), { maxLength: '60' })}
      {field('purchaseDate', 'date', t('workflows.incident.purchaseDate'))}
      {field('purchasePrice', 'text', t('workflows.incident.purchasePrice'), { inputMode: 'decimal', maxLength: '12' })}
    </details>
  );
}
