import { useTranslation } from 'react-i18next';
import type { BoardEvent } from '../../../../shared/contract/board';
import { eventTypeList, type EventType } from '../../../../shared/contract/eventTypes';

const known = new Set<string>(eventTypeList);

/** The board's events, newest first; ids rather than names, because the centre keeps no names. */
export function BoardEventList({ events, when }: { events: BoardEvent[]; when: (iso: string) => string }) {
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
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={`${e.kioskId}/${e.seq}`}>
            <td>{when(e.occurredAt)}</td>
            <td>{e.school}</td>
            <td>{e.kioskName}</td>
            <td className="number">{e.seq}</td>
            <td>{label(e.type)}</td>
            <td className="hash">{e.deviceId ?? '—'}</td>
            <td className="hash">{e.pupilId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
