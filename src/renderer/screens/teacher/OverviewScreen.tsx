import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/SessionContext';
import { useSettings } from '../../state/SettingsContext';
import { bridge, call } from '../../bridge';
import { errorText } from '../../errors';
import { CustodyTable } from './CustodyTable';
import { MissingToday } from './MissingToday';
import { noFilter, passes, type OverviewFilter } from './overviewFilter';
import { OverviewFilterBar } from './OverviewFilterBar';
import type { TeacherScreenProps } from './screen';
import { deviceLabel, formatTime, isPast, pupilName } from './teacherFormat';
import { TodayPanel } from './TodayPanel';
import { useDirectory, useLoad } from './useTeacherData';
import { useLedgerCheck } from './LedgerCheck';
import { useFitToScreen } from './useFitToScreen';
import './teacher.css';

/**
 * The teacher's dashboard: what the school holds now, today's handovers, who usually hands in and
 * has not, the ledger check. One set of counts, all from the same read: "in bewaring" is every
 * device the school holds now (the list below, whatever day or place it came from), and from the
 * return time on, how many of those still need a decision before the day closes. The day is
 * closed in one place only: "Dag afsluiten" in the teacher menu.
 */
export function OverviewScreen({ staff }: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const { onDuty } = useSession().session;
  const [filter, setFilter] = useState<OverviewFilter>(noFilter);
  // The administrator may use this menu but never goes on duty: say who holds new hand-ins.
  const dutyNote = !onDuty
    ? t('teacher.noOneOnDuty')
    : onDuty.staffId === staff.staffId
      ? t('teacher.onDuty', { name: staff.displayName })
      : t('teacher.onDutyOther', { name: onDuty.displayName });
  const dir = useDirectory();
  // Below the list: the panel's own padding and the page's margin.
  const listBox = useFitToScreen<HTMLDivElement>(40);
  const sideBox = useFitToScreen<HTMLDivElement>(40);
  const check = useLedgerCheck();
  const { data, error, reload } = useLoad(async () => {
    const [custody, day, missing] = await Promise.all([
      call('listCustody', { heldOnly: true }),
      call('getDay', {}),
      call('missingToday', {}),
    ]);
    return { items: custody.items, day, missing };
  });
  // A scan at the door (or a teacher at another screen) changes what is held: show it.
  useEffect(() => bridge().on('custodyChanged', reload), [reload]);

  const day = data?.day;
  const held = data?.items.length ?? 0;
  const undecided = day?.outstanding.length ?? 0;
  const afternoon = isPast(settings.returnModeAt);
  const endOfDayDue = undecided > 0 && isPast(settings.endOfDayAt);
  const shown = (data?.items ?? []).filter((item) =>
    passes(filter, {
      groep: item.pupil?.groep ?? null,
      words: [pupilName(item.pupil, t), deviceLabel(item.deviceKind, item.description, t)],
    }),
  );
  const missing = data && {
    ...data.missing,
    pupils: data.missing.pupils.filter((p) => passes({ query: '', groep: filter.groep }, { groep: p.groep, words: [] })),
  };
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
        <div className="head-actions">{check.button}</div>
      </header>
      {error !== null && (
        <p className="message message-error" role="alert">
          {errorText(error, i18n.language)}
        </p>
      )}
      {endOfDayDue && (
        <p className="message message-warning" role="alert">
          {t('teacher.dashboard.endOfDayDue', { time: settings.endOfDayAt, count: undecided })}
        </p>
      )}
      <div className="stats">
        <div className="stat" title={t('teacher.dashboard.countsNote')}>
          <span className="stat-number" data-testid="held-now">
            {data ? held : '–'}
          </span>
          <span>
            {t('teacher.dashboard.inCustody')}
            {afternoon && undecided > 0 && (
              <span className="sub" data-testid="undecided">
                {t('teacher.dashboard.undecided', { count: undecided })}
              </span>
            )}
          </span>
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
          {day?.closed && undecided === 0 && (
            <span className="sub">{t('teacher.dashboard.dayClosed', { time: formatTime(day.closed.occurredAt, i18n.language) })}</span>
          )}
        </div>
      </div>
      {check.result}
      <div className="dashboard-columns">
        <section aria-labelledby="custody-title" className="dashboard-main">
          <div className="list-head">
            <h2 id="custody-title">
              {t('teacher.dashboard.held', { count: held })}
              {shown.length !== held && (
                <span className="sub-inline" data-testid="shown">
                  {' '}
                  ({t('teacher.dashboard.shown', { shown: shown.length, count: held })})
                </span>
              )}
            </h2>
            {data && held > 0 && <OverviewFilterBar filter={filter} onChange={setFilter} items={data.items} missing={data.missing} />}
          </div>
          {data && held === 0 && <p className="muted">{t('teacher.dashboard.empty')}</p>}
          {data && held > 0 && shown.length === 0 && <p className="muted">{t('teacher.dashboard.noMatch')}</p>}
          {data && shown.length > 0 && (
            <div className="custody-scroll" ref={listBox}>
              <CustodyTable items={shown} conditions={day?.conditions ?? []} dir={dir} />
            </div>
          )}
        </section>
        {/* It scrolls when the window is short (a banner above it): a keyboard must reach it too. */}
        <div className="dashboard-side" ref={sideBox} role="region" aria-label={t('teacher.dashboard.side')} tabIndex={0}>
          {missing && <MissingToday missing={missing} />}
          <section aria-labelledby="today-title">
            <h2 id="today-title">{t('teacher.dashboard.today')}</h2>
            {day && <TodayPanel movements={day.movements} />}
          </section>
        </div>
      </div>
    </section>
  );
}
