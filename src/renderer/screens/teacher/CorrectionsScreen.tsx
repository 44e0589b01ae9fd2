import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voidableEventTypes, type EventListItem, type EventType } from '../../../shared/contract';
import { takenBackSeqs } from '../../../shared/contract/takenBack';
import { errorText } from '../../errors';
import { useFormDirty } from '../../state/FormDirty';
import { call } from '../../bridge';
import { keptImageOf, KeptImageToggle } from '../../components/KeptImage';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import type { TeacherScreenProps } from './screen';
import { actorLabel, deviceLabel, eventTypeLabel, formatTime, pupilName } from './teacherFormat';
import { useDirectory, useLoad } from './useTeacherData';
import { VoidMark } from './VoidMark';
import { IncidentReportButton } from './IncidentReportButton';
import './teacher.css';
import { PageMessage, type Message } from '../../components/PageMessage';
import { SubmitForm } from '../../components/SubmitForm';

/** What the core lets a correction void; it checks again. */
const voidable: ReadonlySet<EventType> = new Set(voidableEventTypes);
const PAGE = 100;

/** Recent device events; a wrong one is voided by a new `corrected` event with a reason. */
export function CorrectionsScreen(_props: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const dir = useDirectory();
  const [events, setEvents] = useState<EventListItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [chosen, setChosen] = useState<EventListItem | null>(null);
  const [reason, setReason] = useState('');
  const { busy, problem, run, clear } = useWorkflowSubmit();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [message, setMessage] = useState<Message | null>(null);
  useFormDirty(chosen !== null && reason.trim() !== '');

  const { data: names } = useLoad(async () => {
    const [{ pupils }, { devices }] = await Promise.all([call('listPupils', {}), call('listDevices', {})]);
    return { pupils: new Map(pupils.map((p) => [p.pupilId, p])), devices: new Map(devices.map((d) => [d.deviceId, d])) };
  });

  const fetchPage = (beforeSeq?: number) => call('listEvents', { limit: PAGE, ...(beforeSeq ? { beforeSeq } : {}) });
  const show = (page: { events: EventListItem[]; nextBeforeSeq: number | null }, append: boolean) => {
    setEvents((old) => (append ? [...old, ...page.events] : page.events));
    setNext(page.nextBeforeSeq);
  };
  const showError = (e: unknown) => setMessage({ kind: 'error', text: errorText(e, i18n.language) });
  useEffect(() => {
    fetchPage().then(
      (page) => show(page, false),
      (e: unknown) => setLoadError(e),
    );
  }, []);

  // Only events about a device can be corrected; logins and settings changes are not listed.
  const shown = useMemo(() => events.filter((e) => e.deviceId !== null), [events]);
  const bySeq = useMemo(() => new Map(events.map((e) => [e.seq, e])), [events]);
  // Events taken back from the central database after a restore: their note and names stayed behind.
  const takenBack = useMemo(() => takenBackSeqs(events), [events]);
  const reasonOf = (e: EventListItem | undefined) => (typeof e?.payload?.reason === 'string' ? e.payload.reason : null);

  const submit = async () => {
    if (!chosen || !reason.trim()) return;
    let recorded = false;
    await run(async () => {
      const out = await call('correct', { seq: chosen.seq, reason: reason.trim() });
      setMessage({ kind: 'ok', text: t('teacher.corrections.done', { seq: out.voided.seq }) });
      setChosen(null);
      setReason('');
      recorded = true;
    });
    // The list again, with the original marked void and the correction on top.
    if (recorded) fetchPage().then((page) => show(page, false), showError);
  };

  const describe = (e: EventListItem) => {
    const device = e.deviceId ? names?.devices.get(e.deviceId) : undefined;
    const pupil = e.pupilId ? names?.pupils.get(e.pupilId) : undefined;
    return {
      device: device ? deviceLabel(device.kind, device.description, t) : t('teacher.ledger.unknownDevice'),
      pupil: pupilName(pupil, t),
    };
  };

  return (
    <section className="teacher-page" aria-labelledby="corrections-title">
      <header className="page-head">
        <h1 id="corrections-title">{t('teacher.corrections.title')}</h1>
        <p className="muted">{t('teacher.corrections.intro')}</p>
      </header>
      <PageMessage message={problem !== null ? { kind: 'error', text: problem } : message} icon={false} />
      {loadError !== null && (
        <p className="message message-error" role="alert">
          {errorText(loadError, i18n.language)}
        </p>
      )}
      {chosen && (
        <SubmitForm
          className="correction-form"
          aria-label={t('teacher.corrections.chosen', { seq: chosen.seq })}
          onSubmit={submit}
        >
          <h2>{t('teacher.corrections.chosen', { seq: chosen.seq })}</h2>
          <p>
            {eventTypeLabel(chosen.type, t)} · {formatTime(chosen.occurredAt, i18n.language)} · {describe(chosen).pupil} ·{' '}
            {describe(chosen).device}
          </p>
          <label className="field">
            <span>{t('teacher.corrections.reason')}</span>
            <textarea
              value={reason}
              rows={2}
              maxLength={1000}
              placeholder={t('teacher.corrections.reasonHint')}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </label>
          <div className="choice-row">
            <button type="submit" className="danger" disabled={busy || !reason.trim()}>
              {t('teacher.corrections.submit')}
            </button>
            <button type="button" onClick={() => setChosen(null)}>
              {t('teacher.corrections.cancel')}
            </button>
          </div>
        </SubmitForm>
      )}
      {shown.length === 0 && <p className="muted">{t('teacher.corrections.empty')}</p>}
      {shown.length > 0 && (
        <table className="events-table">
          <thead>
            <tr>
              <th scope="col">{t('teacher.corrections.columns.seq')}</th>
              <th scope="col">{t('teacher.corrections.columns.time')}</th>
              <th scope="col">{t('teacher.corrections.columns.what')}</th>
              <th scope="col">{t('teacher.corrections.columns.device')}</th>
              <th scope="col">{t('teacher.corrections.columns.who')}</th>
              <th scope="col">{t('teacher.corrections.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => {
              const what = describe(e);
              const voided = e.voidedBySeq !== null;
              const image = keptImageOf(e);
              return (
                <tr key={e.seq} className={voided ? 'voided' : undefined} data-seq={e.seq}>
                  <td>#{e.seq}</td>
                  <td>{formatTime(e.occurredAt, i18n.language)}</td>
                  <th scope="row">
                    {eventTypeLabel(e.type, t)}
                    {image && <KeptImageToggle sha256={image.sha256} kind={image.kind} />}
                  </th>
                  <td>
                    {what.pupil}
                    <span className="sub">{what.device}</span>
                  </td>
                  <td>{actorLabel(e.actor, dir, t)}</td>
                  <td>
                    {e.redacted && takenBack.has(e.seq) && (
                      <span className="sub" data-taken-back>
                        {t('teacher.ledger.takenBack')}
                      </span>
                    )}
                    {voided && <VoidMark bySeq={e.voidedBySeq as number} reason={reasonOf(bySeq.get(e.voidedBySeq as number))} />}
                    {e.type === 'corrected' && e.voidsSeq !== null && (
                      <span className="sub">{t('teacher.ledger.corrects', { seq: e.voidsSeq, reason: reasonOf(e) ?? '…' })}</span>
                    )}
                    {!voided && voidable.has(e.type) && (
                      <button
                        type="button"
                        className="small"
                        aria-label={t('teacher.corrections.correctLabel', { seq: e.seq, what: eventTypeLabel(e.type, t) })}
                        onClick={() => {
                          setChosen(e);
                          setReason('');
                          setMessage(null);
                          clear();
                        }}
                      >
                        {t('teacher.corrections.correct')}
                      </button>
                    )}
                    {e.type === 'incident_reported' && (
                      <IncidentReportButton seq={e.seq} onError={(text) => setMessage({ kind: 'error', text })} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" onClick={() => fetchPage(next).then((page) => show(page, true), showError)}>
          {t('teacher.corrections.more')}
        </button>
      )}
    </section>
  );
}
