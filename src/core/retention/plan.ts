import type { RetentionSettings } from '../../shared/contract/retention';
import { eventGroupOf } from '../../shared/contract/eventTypes';
import type { RetentionEntry } from '../ledger/retentionReads';
import { caseOfEvent, findCases, type CustodyCase } from './cases';
import { cutoffsAt, type Cutoffs } from './cutoffs';

/** A pupil who left, and since when (the event that deactivated them). */
export interface LeftPupil {
  pupilId: string;
  leftAt: string;
}

/**
 * What a purge at `now` erases, by seq and pupil id only: the dry run shows its counts, the purge
 * erases exactly these. Nothing here holds a name.
 */
export interface PurgePlan {
  at: string;
  cutoffs: Cutoffs;
  routine: number[];
  closedCases: number[];
  /** Pupils who left before the cutoff: every payload about them goes, and their names in the pupil list. */
  leftPupils: { pupilId: string; seqs: number[] }[];
  /** Cases still open: their events stay, whatever their age. */
  openCases: number;
  /** Left pupils past the cutoff who are kept because a case about them is still open. */
  leftPupilsHeldByOpenCase: number;
}

export function planPurge(entries: readonly RetentionEntry[], settings: RetentionSettings, now: Date): PurgePlan {
  const cutoffs = cutoffsAt(now, settings);
  const cases = findCases(entries);
  const caseOf = caseOfEvent(entries, cases);
  const routine: number[] = [];
  const closedCases: number[] = [];
  for (const e of entries) {
    if (!e.livePayload) continue;
    const group = eventGroupOf[e.type];
    if (group === 'registry' || group === 'redaction') continue;
    const c = caseOf.get(e.seq);
    if (c) {
      if (c.closedAt !== null && c.closedAt < cutoffs.closedCaseBefore) closedCases.push(e.seq);
    } else if (e.occurredAt < cutoffs.routineBefore) {
      routine.push(e.seq);
    }
  }
  const openPupils = new Set(cases.filter((c) => c.closedSeq === null).map((c) => c.pupilId));
  const leftPupils: PurgePlan['leftPupils'] = [];
  let held = 0;
  for (const left of pupilsWhoLeft(entries)) {
    if (left.leftAt >= cutoffs.leftPupilBefore) continue;
    if (openPupils.has(left.pupilId)) {
      held++;
      continue;
    }
    leftPupils.push({ pupilId: left.pupilId, seqs: livePayloadsOf(entries, left.pupilId) });
  }
  return {
    at: now.toISOString(),
    cutoffs,
    routine,
    closedCases,
    leftPupils,
    openCases: cases.filter((c) => c.closedSeq === null).length,
    leftPupilsHeldByOpenCase: held,
  };
}

/**
 * Every event about this pupil that still holds personal data: registration, devices, custody;
 * and the registration events of the devices they own now, also those written while another
 * pupil owned them, so a description erased from the table is erased from the ledger too.
 */
export function livePayloadsOf(entries: readonly RetentionEntry[], pupilId: string): number[] {
  const owner = new Map<string, string | null>();
  for (const e of entries) {
    if ((e.type === 'device_registered' || e.type === 'device_changed') && e.deviceId) owner.set(e.deviceId, e.pupilId);
  }
  const theirs = (e: RetentionEntry) =>
    e.pupilId === pupilId ||
    ((e.type === 'device_registered' || e.type === 'device_changed') && e.deviceId !== null && owner.get(e.deviceId) === pupilId);
  return entries.filter((e) => e.livePayload && eventGroupOf[e.type] !== 'redaction' && theirs(e)).map((e) => e.seq);
}

/** Open cases that involve this pupil (their device, or them by id). */
export function openCasesOf(entries: readonly RetentionEntry[], pupilId: string): CustodyCase[] {
  return findCases(entries).filter((c) => c.closedSeq === null && c.pupilId === pupilId);
}

/**
 * Pupils whose last registration event says inactive, with the moment they became so. The ledger,
 * not the table, is asked: it is what the registry is checked against, and it cannot be back-dated.
 */
export function pupilsWhoLeft(entries: readonly RetentionEntry[]): LeftPupil[] {
  const state = new Map<string, { active: boolean; since: string }>();
  for (const e of entries) {
    if ((e.type !== 'pupil_registered' && e.type !== 'pupil_changed') || !e.pupilId) continue;
    const active = e.details.active !== false;
    const prev = state.get(e.pupilId);
    if (!prev || prev.active !== active) state.set(e.pupilId, { active, since: e.occurredAt });
  }
  return [...state].filter(([, s]) => !s.active).map(([pupilId, s]) => ({ pupilId, leftAt: s.since }));
}

export function plannedSeqs(plan: PurgePlan): number[] {
  return [...new Set([...plan.routine, ...plan.closedCases, ...plan.leftPupils.flatMap((p) => p.seqs)])].sort((a, b) => a - b);
}
