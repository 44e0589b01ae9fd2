import { useTranslation } from 'react-i18next';
import type { BoardEvent, MethodArgs } from '../../../../shared/contract';
import { eventTypeList, type EventType } from '../../../../shared/contract/eventTypes';

const known = new Set<string>(eventTypeList);

export type BoardReportScope = MethodArgs<'boardCustodyReport'>['scope'];

/**
 * The board's events, newest first; ids rather than names, because the centre keeps no names.
 * Each row with a device offers that device's custody report, an incident its incident report.
 */
export function BoardEventList({
  events,
  when,
  onReport,
  busy,
}: {
  events: BoardEvent[];
  when: (iso: string) => string;
  onReport: (kioskId: string, scope: BoardReportScope) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (events.length === 0) return <p>{t('board.events.none')}</p>;
  // A kiosk of a newer version may send a type this app has no words for: shown as it came.
  const label = (type: string) => (known.has(type) ? t(`teacher.ledger.types.${type as EventType}`) : type);
  return (
    <table className="board-events">
      <thead>
        <tr>
          <th scope="col">{t('board.events.when')}</th>
          <th scope="col">{t('board.school')}</th>
          <th scope="col">{t('board.kiosk')}</th>
          <th scope="col">{t('board.events.seq')}</th>
          <th scope="col">{t('board.events.type')}</th>
          <th scope="col">{t('board.events.device')}</th>
          <th scope="col">{t('board.events.pupil')}</th>
          <th scope="col">{t('board.report.column')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map(({ deviceId, ...e }) => (
          <tr key={`${e.kioskId}/${e.seq}`}>
            <td className="words">{when(e.occurredAt)}</td>
            <td className="words">{e.school}</td>
            <td className="words">{e.kioskName}</td>
            <td className="number">{e.seq}</td>
            <td>{label(e.type)}</td>
            <td className="hash">{deviceId ?? '—'}</td>
            <td className="hash">{e.pupilId ?? '—'}</td>
            <td className="report">
              {deviceId && (
                <button type="button" disabled={busy} onClick={() => onReport(e.kioskId, { kind: 'device', deviceId })}>
                  {t('board.report.device')}
                </button>
              )}
              {e.type === 'incident_reported' && (
                <button type="button" disabled={busy} onClick={() => onReport(e.kioskId, { kind: 'incident', seq: e.seq })}>
                  {t('board.report.incident')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
