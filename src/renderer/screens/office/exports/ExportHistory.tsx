import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import './exportHistory.css';

/**
 * The exports made so far, as the ledger recorded them: when, who, which filter, how many events,
 * and the file's SHA-256, so a file that turns up later can be matched to the export it came from.
 * `refresh` changes after each new export.
 */
export function ExportHistory({ refresh }: { refresh: number }) {
  const { t, i18n } = useTranslation();
  const [exports, setExports] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('listExports', { limit: 20 }).then(
      (result) => setExports(result.exports),
      (e: unknown) => setError(errorText(e, i18n.language)),
    );
  }, [refresh, i18n.language]);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const filterText = (filter: Record<string, unknown>) => {
    const parts: string[] = [];
    // A board export's rows came from the central database: its scope says so before anything else.
    if (filter.scope === 'board') parts.push(t('office.exports.board'));
    if (typeof filter.school === 'string') parts.push(t('office.exports.schoolIs', { school: filter.school }));
    if (filter.scope === 'board' && typeof filter.kioskId === 'string') parts.push(t('office.exports.kioskIs', { kiosk: filter.kioskId }));
    if (typeof filter.groep === 'string') parts.push(t('office.exports.groupIs', { group: filter.groep }));
    if (typeof filter.from === 'string' || typeof filter.to === 'string') {
      parts.push(`${typeof filter.from === 'string' ? filter.from : '…'} – ${typeof filter.to === 'string' ? filter.to : '…'}`);
    }
    if (Array.isArray(filter.types)) parts.push(t('office.exports.types', { count: filter.types.length }));
    if (typeof filter.incidentSeq === 'number') parts.push(t('office.exports.incidentIs', { seq: filter.incidentSeq }));
    if (typeof filter.deviceId === 'string') parts.push(t('office.exports.deviceIs', { device: filter.deviceId }));
    if (typeof filter.pupilId === 'string') parts.push(t('office.exports.pupilIs', { pupil: filter.pupilId }));
    return parts.length > 0 ? parts.join(' · ') : t('office.exports.everything');
  };

  return (
    <section className="export-history" aria-labelledby="export-history-title">
      <h3 id="export-history-title">{t('office.exports.title')}</h3>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {exports && exports.length === 0 && <p>{t('office.exports.none')}</p>}
      {exports && exports.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('office.exports.when')}</th>
              <th scope="col">{t('office.exports.by')}</th>
              <th scope="col">{t('office.exports.format')}</th>
              <th scope="col">{t('office.exports.filter')}</th>
              <th scope="col">{t('office.exports.rows')}</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {exports.map((e) => (
              <tr key={e.seq}>
                <td>{when(e.occurredAt)}</td>
                <td>{e.by === 'system' ? t('office.exports.system') : e.by}</td>
                <td>{e.what === 'label_sheet' ? t('office.exports.labelSheet') : e.what === 'custody_report' ? t('office.exports.report') : e.format.toUpperCase()}</td>
                <td>{filterText(e.filter)}</td>
                <td className="number">{e.rows}</td>
                <td className="hash">{e.sha256 ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
