import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { useSettings } from '../../state/SettingsContext';
import { bridge, call } from '../../bridge';
import { errorText } from '../../errors';
import { CustodyTable } from './CustodyTable';
import type { TeacherScreenProps } from './screen';
import { formatTime, isPast } from './teacherFormat';
import { TodayPanel } from './TodayPanel';
import { useDirectory, useLoad } from './useTeacherData';
import { useLedgerCheck } from './LedgerCheck';
import './teacher.css';

/** The teacher's dashboard: what the school holds now, today's handovers, the ledger check. */
export function OverviewScreen({ staff }: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const { onDuty } = useSession().session;
  // The administrator may use this menu but never goes on duty: say who holds new hand-ins.
  const dutyNote = !onDuty
    ? t('teacher.noOneOnDuty')
    : onDuty.staffId === staff.staffId
      ? t('teacher.onDuty', { name: staff.displayName })
      : t('teacher.onDutyOther', { name: onDuty.displayName });
  const dir = useDirectory();
  const check = useLedgerCheck();
  const { data, error, reload } = useLoad(async () => {
    const [custody, day] = await Promise.all([call('listCustody', { heldOnly: true }), call('getDay', {})]);
    return { items: custody.items, day };
  });
  // A scan at the door (or a teacher at another screen) changes what is held: show it.
  useEffect(() => bridge().on('custodyChanged', reload), [reload]);

  const day = data?.day;
  const outstanding = day?.outstanding.length ?? 0;
  const endOfDayDue = outstanding > 0 && isPast(settings.endOfDayAt);
  return (
    <section className="teacher-page dashboard" aria-labelledby="dashboard-title">
      <header className="page-head">
        <h1 id="dashboard-title">{t('teacher.dashboard.title')}</h1>
        <p className="on-duty" role="note">
          <span className="duty-badge" aria-hidden="true">
            ●
          </span>{' '}
          {dutyNote}
        </p>
      </header>
      {error !== null && (
        <p className="message message-error" role="alert">
          {errorText(error, i18n.language)}
        </p>
      )}
      {endOfDayDue && (
        <div className="message message-warning" role="alert">
          <span>{t('teacher.dashboard.endOfDayDue', { time: settings.endOfDayAt, count: outstanding })}</span>
          <button type="button" onClick={() => navigate('teacher', 'end-of-day')}>
            {t('teacher.dashboard.closeDay')}
          </button>
        </div>
      )}
      <div className="stats">
        <div className="stat">
          <span className="stat-number">{data?.items.length ?? '–'}</span>
          <span>{t('teacher.dashboard.inCustody')}</span>
        </div>
        <div className="stat">
          <span className="stat-number" data-testid="handed-in-today">
            {day?.handedIn ?? '–'}
          </span>
          <span>{t('teacher.dashboard.handedInToday')}</span>
        </div>
        <div className="stat">
          <span className="stat-number" data-testid="returned-today">
            {day?.returned ?? '–'}
          </span>
          <span>{t('teacher.dashboard.returnedToday')}</span>
        </div>
        <div className="stat">
          <span className="stat-number" data-testid="exempted-today">
            {day?.exempted ?? '–'}
          </span>
          <span>{t('teacher.dashboard.exemptedToday')}</span>
        </div>
        <div className="stat-actions">
          {check.button}
          <button type="button" className="primary" onClick={() => navigate('teacher', 'end-of-day')}>
            {t('teacher.dashboard.closeDay')}
          </button>
          {day?.closed && outstanding === 0 && (
            <span className="sub">{t('teacher.dashboard.dayClosed', { time: formatTime(day.closed.occurredAt, i18n.language) })}</span>
          )}
        </div>
      </div>
      {check.result}
      <div className="dashboard-columns">
        <section aria-labelledby="custody-title" className="dashboard-main">
          <h2 id="custody-title">{t('teacher.dashboard.held', { count: data?.items.length ?? 0 })}</h2>
          {data && <CustodyTable items={data.items} conditions={day?.conditions ?? []} dir={dir} />}
        </section>
        <section aria-labelledby="today-title" className="dashboard-side">
          <h2 id="today-title">{t('teacher.dashboard.today')}</h2>
          {day && <TodayPanel movements={day.movements} />}
        </section>
      </div>
    </section>
  );
}
