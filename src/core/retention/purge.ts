import type { RetentionSettings } from '../../shared/contract/retention';
import { scrubFreedBytes, withSecureDelete } from '../db/secureErase';
import { erasePayloads } from '../ledger/erase';
import { SYSTEM_ACTOR, type Actor } from '../ledger/events';
import { readChainForRetention } from '../ledger/retentionReads';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { readSettings } from '../settings/store';
import { anonymisePupilRow } from './anonymise';
import type { Cutoffs } from './cutoffs';
import { lastPurgeAt, rememberPurge } from './lastRun';
import { planPurge, plannedSeqs, type PurgePlan } from './plan';

/** What a purge erased (or, as a dry run, would erase): counts and cut-off moments, never a name. */
export interface PurgeSummary {
  at: string;
  dryRun: boolean;
  retention: RetentionSettings;
  cutoffs: Cutoffs;
  /** Events whose payload goes because they are routine and older than the routine period. */
  routine: number;
  /** Events of cases closed longer ago than the closed-case period. */
  closedCases: number;
  /** Pupils who left longer ago than the left-pupil period: their data and names in the pupil list. */
  leftPupils: number;
  /** All events whose payload goes (the three above may overlap). */
  events: number;
  openCases: number;
  leftPupilsHeldByOpenCase: number;
  /** The `retention_purge` event that records it; null for a dry run or when nothing was due. */
  recordSeq: number | null;
  /** After a purge: the WAL was emptied and the file vacuumed, so nothing erased is left in either. */
  walEmptied: boolean | null;
}

function summarise(plan: PurgePlan, retention: RetentionSettings, dryRun: boolean): Omit<PurgeSummary, 'recordSeq' | 'walEmptied'> {
  return {
    at: plan.at,
    dryRun,
    retention,
    cutoffs: plan.cutoffs,
    routine: plan.routine.length,
    closedCases: plan.closedCases.length,
    leftPupils: plan.leftPupils.length,
    events: plannedSeqs(plan).length,
    openCases: plan.openCases,
    leftPupilsHeldByOpenCase: plan.leftPupilsHeldByOpenCase,
  };
}

/** The dry run: what a purge now would erase. Reads only. */
export function previewPurge(ctx: ServiceContext): PurgeSummary {
  const retention = readSettings(ctx.db).retention;
  const plan = planPurge(readChainForRetention(ctx.db, ctx.kioskId), retention, ctx.now());
  return { ...summarise(plan, retention, true), recordSeq: null, walEmptied: null };
}

/**
 * Erases what the retention settings no longer allow the kiosk to keep, through the ledger's one
 * erase path, recorded as one `retention_purge` event (counts and settings in its details), in
 * one transaction with the names removed from the pupil list; then scrubs the file and its WAL.
 * The chain still verifies: only salted payloads go, their hashes stay.
 */
export function runPurge(ctx: ServiceContext, actor: Actor = SYSTEM_ACTOR): PurgeSummary {
  const result = withSecureDelete(ctx.db, () =>
    writeTransaction(ctx, () => {
      requireRole(ctx, actor, ['admin']);
      const retention = readSettings(ctx.db).retention;
      const plan = planPurge(readChainForRetention(ctx.db, ctx.kioskId), retention, ctx.now());
      const summary = summarise(plan, retention, false);
      const { seq } = erasePayloads(ledgerWriter(ctx), {
        seqs: plannedSeqs(plan),
        recordAs: 'retention_purge',
        actor,
        details: {
          routine: summary.routine,
          closedCases: summary.closedCases,
          leftPupils: summary.leftPupils,
          routineWeeks: retention.routineWeeks,
          closedCaseMonths: retention.closedCaseMonths,
          leftPupilMonths: retention.leftPupilMonths,
        },
      });
      let rows = 0;
      for (const left of plan.leftPupils) rows += anonymisePupilRow(ctx.db, left.pupilId);
      rememberPurge(ctx.db, summary.at, summary.events);
      return { summary, seq, changed: seq !== null || rows > 0 };
    }),
  );
  const walEmptied = result.changed ? scrubFreedBytes(ctx.db).walEmptied : null;
  return { ...result.summary, recordSeq: result.seq, walEmptied };
}

/** The daily run: once per UTC day, whatever the number of restarts. */
export function purgeDue(ctx: ServiceContext, now: Date): boolean {
  return lastPurgeAt(ctx.db)?.slice(0, 10) !== now.toISOString().slice(0, 10);
}
