import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyListItem, DayCounts } from '../../../shared/contract';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { call } from '../../bridge';
import { useWorkflowSubmit } from '../../components/useWorkflowSubmit';
import { KeepForm } from './KeepForm';
import type { TeacherScreenProps } from './screen';
import { custodianLabel, deviceLabel, formatTime, pupilName } from './teacherFormat';
import { useDirectory, useLoad } from './useTeacherData';
import { useKioskScans } from './useKioskScans';
import './teacher.css';
import { PageMessage, type Message } from '../../components/PageMessage';
import { SettledRow, UNDO_MS, type Settled } from './SettledRow';

/** A small barcode beside "scan to return": the scanner works on this screen. */
function BarcodeIcon() {
  const bars = [0, 3, 5, 9, 12, 14, 18, 21, 25, 27];
  return (
    <svg width="36" height="24" viewBox="0 0 30 20" aria-hidden="true" focusable="false">
      {bars.map((x, i) => (
        <rect key={x} x={x} y="0" width={i % 3 === 0 ? 2 : 1} height="20" fill="currentColor" />
      ))}
    </svg>
  );
}

/**
 * End-of-day reconciliation: every device still held from today's hand-ins (or a confiscation)
 * is returned (scan or button), moved, or kept overnight with a reason; then the day closes.
 */
export function EndOfDayScreen(_props: TeacherScreenProps) {
  const { t, i18n } = useTranslation();
  const { lock } = useSession();
  const dir = useDirectory();
  const [keeping, setKeeping] = useState<string | null>(null);
  const { busy, problem, run } = useWorkflowSubmit();
  const [done, setDone] = useState<Message | null>(null);
  const [closed, setClosed] = useState<{ at: string; counts: DayCounts } | null>(null);
  // What was decided on this screen stays in its place, marked, so the rows below never move up
  // under the finger; a return can be undone for a few seconds (a correction in the ledger).
  const [settled, setSettled] = useState<Map<string, Settled>>(new Map());
  const timers = useRef<number[]>([]);
  useEffect(() => () => timers.current.forEach((id) => window.clearTimeout(id)), []);
  const settle = (entry: Settled) => {
    setSettled((m) => new Map(m).set(entry.item.deviceId, entry));
    if (entry.kind !== 'returned') return;
    timers.current.push(
      window.setTimeout(
        () =>
          setSettled((m) => {
            const now = m.get(entry.item.deviceId);
            return now?.seq === entry.seq ? new Map(m).set(entry.item.deviceId, { ...now, undoable: false }) : m;
          }),
        UNDO_MS,
      ),
    );
  };
  const unsettle = (deviceId: string) =>
    setSettled((m) => {
      const next = new Map(m);
      next.delete(deviceId);
      return next;
    });
  const { data, reload } = useLoad(async () => {
    const [custody, day] = await Promise.all([call('listCustody', { heldOnly: true }), call('getDay', {})]);
    return { items: custody.items, day };
  });

  const items = new Map((data?.items ?? []).map((i) => [i.deviceId, i]));
  const outstanding = (data?.day.outstanding ?? []).flatMap((o) => {
    const item = items.get(o.deviceId);
    return item ? [{ ...o, item }] : [];
  });
  const open = new Set(outstanding.map((o) => o.deviceId));
  // In the order of their hand-in (the custody row's last seq, which a return's undo restores), so
  // a decided row keeps its place among the open ones.
  type Row = { open: (typeof outstanding)[number] } | { done: Settled };
  const rows: Row[] = [
    ...outstanding.map((o) => ({ open: o })),
    ...[...settled.values()].filter((d) => !open.has(d.item.deviceId)).map((done) => ({ done })),
  ].sort((a, b) => ('open' in a ? a.open.item : a.done.item).lastSeq - ('open' in b ? b.open.item : b.done.item).lastSeq);
  const confiscatedElsewhere = (data?.items ?? []).filter((i) => i.confiscatedSeq !== null && !open.has(i.deviceId));

  const names = (item: CustodyListItem) => ({
    device: deviceLabel(item.deviceKind, item.description, t),
    name: pupilName(item.pupil, t),
  });
  /** One step of the reconciliation; its message (or none) replaces the last one. */
  const record = (work: () => Promise<string | null>) => {
    setDone(null);
    void run(async () => {
      const text = await work();
      setDone(text === null ? null : { kind: 'ok', text });
      reload();
    });
  };

  useKioskScans((code) =>
    record(async () => {
      const out = await call('scan', { code, mode: 'return' });
      const item = data?.items.find((i) => i.deviceId === out.device.deviceId);
      const name = pupilName(item?.pupil, t);
      if (item && !out.exempt && !out.repeat) settle({ item, kind: 'returned', seq: out.event.seq, undoable: true });
      // A device kept with an exemption was never handed in: nothing was returned.
      if (out.exempt) return t('teacher.endOfDay.exemptScanned', { device: deviceLabel(out.device.kind, out.device.description, t) });
      return t('teacher.endOfDay.returned', { device: deviceLabel(out.device.kind, out.device.description, t), name });
    }),
  );

  const giveBack = (item: CustodyListItem) =>
    record(() =>
      call('returnDevice', { deviceId: item.deviceId }).then((out) => {
        if (!out.repeat) settle({ item, kind: 'returned', seq: out.event.seq, undoable: true });
        return t('teacher.endOfDay.returned', names(item));
      }),
    );
  const undo = (entry: Settled) =>
    record(() =>
      call('correct', { seq: entry.seq, reason: t('teacher.endOfDay.undoReason') }).then(() => {
        unsettle(entry.item.deviceId);
        return t('teacher.endOfDay.undone', names(entry.item));
      }),
    );
  const keep = (item: CustodyListItem, reason: string) =>
    record(() =>
      call('keepOvernight', { deviceId: item.deviceId, reason }).then((out) => {
        setKeeping(null);
        settle({ item, kind: 'kept', seq: out.event.seq, undoable: false });
        return t('teacher.endOfDay.kept', names(item));
      }),
    );
  const closeDay = () =>
    record(async () => {
      const out = await call('closeDay', {});
      setClosed({ at: out.event.occurredAt, counts: out.counts });
      return null;
    });

  const confiscatedFlag = (
    <span className="flag flag-danger flag-big">
      <span aria-hidden="true">⚠ </span>
      {t('teacher.endOfDay.confiscatedFlag')}
    </span>
  );

  return (
    <section className="teacher-page" aria-labelledby="eod-title">
      <header className="page-head">
        <h1 id="eod-title">{t('teacher.endOfDay.title')}</h1>
        <p className="muted">{t('teacher.endOfDay.intro')}</p>
      </header>
      {/* A fixed slot: a message appearing after a tap must not push the list down under the finger. */}
      <div className="eod-message-slot">
        <PageMessage message={problem !== null ? { kind: 'error', text: problem } : done} />
      </div>
      {data && data.day.exempted > 0 && (
        <p className="muted" data-testid="eod-exempted">
          {t('teacher.endOfDay.exempted', { count: data.day.exempted })}
        </p>
      )}
      {data && rows.length > 0 && (
        <>
          {outstanding.length > 0 && (
            <>
              <h2 data-testid="eod-left">{t('teacher.endOfDay.left', { count: outstanding.length })}</h2>
              <p className="scan-hint">
                <BarcodeIcon />
                {t('teacher.endOfDay.scanHint')}
              </p>
            </>
          )}
          <ul className="eod-list">
            {rows.map((row) => {
              if ('done' in row) {
                return (
                  <SettledRow
                    key={row.done.item.deviceId}
                    entry={row.done}
                    names={names(row.done.item)}
                    sub={[
                      row.done.item.pouchNumber !== null ? t('teacher.ledger.pouch', { number: row.done.item.pouchNumber }) : null,
                      formatTime(row.done.item.since, i18n.language),
                      custodianLabel(row.done.item.custodian, dir, t),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    busy={busy}
                    onUndo={() => undo(row.done)}
                  />
                );
              }
              const { item, confiscated, fromEarlierDay } = row.open;
              const n = names(item);
              return (
                <li key={item.deviceId} className={confiscated ? 'eod-item row-confiscated' : 'eod-item'} data-device={item.deviceId}>
                  <div className="eod-who">
                    <strong>{n.name}</strong> — {n.device}
                    <span className="sub">
                      {item.pouchNumber !== null && `${t('teacher.ledger.pouch', { number: item.pouchNumber })} · `}
                      {formatTime(item.since, i18n.language)} · {custodianLabel(item.custodian, dir, t)}
                      {fromEarlierDay && ` · ${t('teacher.endOfDay.fromEarlierDay')}`}
                    </span>
                    {confiscated && confiscatedFlag}
                  </div>
                  <div className="row-actions">
                    {confiscated ? (
                      <button type="button" onClick={() => navigate('teacher', 'release', { device: item.deviceId })}>
                        {t('teacher.endOfDay.release')}
                      </button>
                    ) : (
                      <button type="button" className="primary" disabled={busy} onClick={() => giveBack(item)}>
                        {t('teacher.endOfDay.return')}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => navigate('teacher', 'transfer', { device: item.deviceId, back: 'end-of-day' })}
                    >
                      {t('teacher.endOfDay.transfer')}
                    </button>
                    <button type="button" aria-expanded={keeping === item.deviceId} onClick={() => setKeeping(item.deviceId)}>
                      {t('teacher.endOfDay.keep')}
                    </button>
                  </div>
                  {keeping === item.deviceId && (
                    <KeepForm
                      label={t('teacher.endOfDay.keepReason', n)}
                      busy={busy}
                      onSubmit={(reason) => keep(item, reason)}
                      onCancel={() => setKeeping(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {confiscatedElsewhere.length > 0 && (
        <>
          <h2>{t('teacher.endOfDay.confiscatedHeld')}</h2>
          <ul className="eod-list">
            {confiscatedElsewhere.map((item) => (
              <li key={item.deviceId} className="eod-item row-confiscated" data-device={item.deviceId}>
                <div className="eod-who">
                  <strong>{names(item).name}</strong> — {names(item).device}
                  <span className="sub">{custodianLabel(item.custodian, dir, t)}</span>
                  {confiscatedFlag}
                </div>
                <div className="row-actions">
                  <button type="button" onClick={() => navigate('teacher', 'release', { device: item.deviceId })}>
                    {t('teacher.endOfDay.release')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {data && outstanding.length === 0 && !closed && (
        <div className="eod-close">
          {data.day.closed ? (
            <p role="status">{t('teacher.endOfDay.closedEarlier', { time: formatTime(data.day.closed.occurredAt, i18n.language) })}</p>
          ) : (
            <p role="status">
              <span aria-hidden="true">✔ </span>
              {t('teacher.endOfDay.allDone')}
            </p>
          )}
          <button type="button" className="primary big" disabled={busy} onClick={closeDay}>
            {t('teacher.endOfDay.close')}
          </button>
        </div>
      )}
      {closed && (
        <div className="eod-close">
          <p className="message message-ok" role="status">
            <span aria-hidden="true">✔ </span>
            {t('teacher.endOfDay.closed', {
              time: formatTime(closed.at, i18n.language),
              handedIn: closed.counts.handedIn,
              returned: closed.counts.returned,
              transferred: closed.counts.transferred,
              kept: closed.counts.keptOvernight,
            })}
          </p>
          <button
            type="button"
            className="big"
            onClick={() => {
              void lock(true);
              navigate('door');
            }}
          >
            {t('teacher.endOfDay.lockAndEnd')}
          </button>
        </div>
      )}
    </section>
  );
}
