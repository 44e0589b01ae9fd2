import { useTranslation } from 'react-i18next';
import type { DayMovement } from '../../../shared/contract';
import { deviceLabel, eventTypeLabel, formatTime, pupilName } from './teacherFormat';
import { VoidMark } from './VoidMark';

/** Today's handovers, newest first; voided ones stay in the list, struck through and marked. */
export function TodayPanel({ movements }: { movements: DayMovement[] }) {
  const { t, i18n } = useTranslation();
  if (movements.length === 0) return <p className="muted">{t('teacher.dashboard.noMovements')}</p>;
  return (
    <ol className="movements">
      {movements.map((m) => (
        <li key={m.seq} className={m.voidedBySeq !== null ? 'voided' : undefined}>
          <span className="time">{formatTime(m.occurredAt, i18n.language)}</span>
          <span className="what">
            <strong>{eventTypeLabel(m.type, t)}</strong> {pupilName(m.pupil, t)}
            <span className="sub">{deviceLabel(m.deviceKind, m.description, t)}</span>
          </span>
          {m.voidedBySeq !== null && <VoidMark bySeq={m.voidedBySeq} />}
        </li>
      ))}
    </ol>
  );
}
