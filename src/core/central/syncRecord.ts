import type { SyncResult } from './sync';
import type { SyncStatus } from '../../shared/contract/board';
import type { SyncAlerts } from '../../shared/contract/kiosk';
import type { CheckRecord } from '../health/checks';
import type { KioskHealth } from '../health/kioskHealth';
import type { Db } from '../db/open';
import { ledgerHead } from '../ledger/rows';

/** How a sync ended, as the kiosk keeps it: the sync's own outcomes, or `error` for a failure that is neither (no access, no schema). */
export type SyncRecordOutcome = SyncResult['outcome'] | 'error';

/** What the `sync` record of `kiosk_checks` holds besides when and its problem code: counts and seqs, never the URL. */
export interface SyncDetail {
  outcome: SyncRecordOutcome;
  uploaded: number;
  /** Events of the kiosk's own chain taken back from the central copy (after a restore). */
  takenBack: number;
  /** The central database's head for this kiosk, as last known (an offline sync keeps the one before). */
  centralSeq: number;
  /** When the central database was last reached without a refusal. */
  lastOkAt: string | null;
  /** When the syncs began to fail to reach it (null while they reach it). */
  offlineSince: string | null;
  /** How many syncs in a row could not reach it: the schedule's back-off. */
  offlineStreak: number;
  /** The seq a refusal or divergence names (the first differing one of a fork after a restore), if any. */
  seq: number | null;
  /** The last sync that took events back from the central copy (after a restore), kept for the banner. */
  takenBackAt: string | null;
  takenBackCount: number;
}

/** The banner says for this long that events were taken back after a restore. */
export const TAKEN_BACK_NOTICE_MS = 24 * 60 * 60_000;

/** Offline this long with events not uploaded, the office hears of it (quietly: the kiosk works on). */
export const OFFLINE_ALERT_MS = 24 * 60 * 60_000;

export function syncDetailOf(record: CheckRecord | null): SyncDetail | null {
  const d = record?.detail;
  if (!d || typeof d.outcome !== 'string') return null;
  return {
    outcome: d.outcome as SyncRecordOutcome,
    uploaded: Number(d.uploaded ?? 0),
    takenBack: Number(d.takenBack ?? 0),
    centralSeq: Number(d.centralSeq ?? 0),
    lastOkAt: typeof d.lastOkAt === 'string' ? d.lastOkAt : null,
    offlineSince: typeof d.offlineSince === 'string' ? d.offlineSince : null,
    offlineStreak: Number(d.offlineStreak ?? 0),
    seq: typeof d.seq === 'number' ? d.seq : null,
    takenBackAt: typeof d.takenBackAt === 'string' ? d.takenBackAt : null,
    takenBackCount: Number(d.takenBackCount ?? 0),
  };
}

/**
 * Records a sync's result as the kiosk's `sync` check: ok only when everything went up. A refusal
 * or a diverged chain stands until a sync succeeds; an offline run keeps what was known before.
 */
export function recordSync(health: KioskHealth, at: Date, result: SyncResult | { outcome: 'error'; problem: string }): CheckRecord {
  const before = syncDetailOf(health.lastCheck('sync'));
  const iso = at.toISOString();
  const unreachable = result.outcome === 'offline' || result.outcome === 'error';
  const reported = 'centralSeq' in result ? result.centralSeq : 0;
  const detail: SyncDetail = {
    outcome: result.outcome,
    uploaded: 'uploaded' in result ? result.uploaded : 0,
    takenBack: 'takenBack' in result ? result.takenBack : 0,
    // A sync that never reached the centre says 0: what the centre had before still stands.
    centralSeq: unreachable ? Math.max(reported, before?.centralSeq ?? 0) : reported,
    lastOkAt: result.outcome === 'ok' ? iso : (before?.lastOkAt ?? null),
    offlineSince: unreachable ? (before?.offlineSince ?? iso) : null,
    offlineStreak: unreachable ? (before?.offlineStreak ?? 0) + 1 : 0,
    seq: 'seq' in result ? (result.seq ?? null) : null,
    takenBackAt: 'takenBack' in result && result.takenBack > 0 ? iso : (before?.takenBackAt ?? null),
    takenBackCount: 'takenBack' in result && result.takenBack > 0 ? result.takenBack : (before?.takenBackCount ?? 0),
  };
  const problem = result.outcome === 'ok' ? null : (result.problem ?? result.outcome);
  const record: CheckRecord = { job: 'sync', ok: result.outcome === 'ok', at: iso, problem, detail: { ...detail } };
  health.record(record);
  return record;
}

/** Events of this kiosk the central database does not have yet (as far as the last sync knows). */
function waitingEvents(db: Db, detail: SyncDetail | null): number {
  return Math.max(0, ledgerHead(db).seq - (detail?.centralSeq ?? 0));
}

/** The settings screen's view of the automatic sync. */
export function syncStatusOf(db: Db, health: KioskHealth, configured: boolean, running: boolean): SyncStatus {
  const record = health.lastCheck('sync');
  const detail = syncDetailOf(record);
  return {
    configured,
    running,
    last:
      record && detail
        ? { at: record.at, outcome: detail.outcome, uploaded: detail.uploaded, takenBack: detail.takenBack, centralSeq: detail.centralSeq, problem: record.problem }
        : null,
    lastOkAt: detail?.lastOkAt ?? null,
    waiting: waitingEvents(db, detail),
  };
}

/**
 * The banners' part: a refused or diverged sync (serious: the centre does not take this kiosk's
 * chain as it is), and a kiosk that has not reached the centre for a day with events waiting.
 */
export function syncAlertsOf(db: Db, health: KioskHealth, configured: boolean, now: Date): SyncAlerts {
  const record = health.lastCheck('sync');
  const detail = syncDetailOf(record);
  if (!configured || !record || !detail) return { syncRefused: null, syncOffline: null, syncTakenBack: null };
  const refused = detail.outcome === 'refused' || detail.outcome === 'diverged';
  const since = detail.offlineSince;
  const waiting = waitingEvents(db, detail);
  const takenBack = detail.takenBackAt !== null && now.getTime() - Date.parse(detail.takenBackAt) < TAKEN_BACK_NOTICE_MS ? detail.takenBackAt : null;
  const longOffline = since !== null && now.getTime() - Date.parse(since) > OFFLINE_ALERT_MS && waiting > 0;
  return {
    syncRefused: refused ? { at: record.at, outcome: detail.outcome as 'refused' | 'diverged', problem: record.problem, seq: detail.seq } : null,
    syncOffline: longOffline ? { since, waiting } : null,
    syncTakenBack: takenBack ? { at: takenBack, count: detail.takenBackCount } : null,
  };
}
