import type { Db } from '../db/open';
import { localKioskId } from '../ledger/rows';
import { baselineDue } from './baseline';
import { compareRegistry, type RegistryDifference } from './compare';
import { replayRegistry } from './replay';
import { readRegistryTables } from './tables';

/** Differences named in a report; the count says how many there were in all. */
export const MAX_REPORTED_DIFFERENCES = 20;

export type RegistryCheck =
  | { status: 'ok'; events: number }
  /** The tables do not say what the ledger says: a tag, owner, pouch or role was changed outside the kiosk. */
  | { status: 'mismatch'; events: number; count: number; differences: RegistryDifference[] }
  /** A database from before the registry was chained, not yet started by this version: nothing to compare with yet. */
  | { status: 'baseline_due' };

/**
 * Replays the local kiosk's registration events and compares them with the registry tables:
 * the registry counterpart of `rebuildProjection` = custody. Read-only, so the CLI's `verify`
 * and backup checks can run it on a file they must not change.
 */
export function checkRegistry(db: Db, kioskId = localKioskId(db)): RegistryCheck {
  if (baselineDue(db)) return { status: 'baseline_due' };
  const { state, events } = replayRegistry(db, kioskId ?? '');
  const differences = compareRegistry(state, readRegistryTables(db));
  if (differences.length === 0) return { status: 'ok', events };
  return { status: 'mismatch', events, count: differences.length, differences: differences.slice(0, MAX_REPORTED_DIFFERENCES) };
}

/** "tag 3f2a…: deviceId differs" lines for a log or the CLI: ids and field names only. */
export function describeDifference(d: RegistryDifference): string {
  return `${d.entity} ${d.id}: ${d.problem === 'differs' ? `${d.field ?? '?'} differs` : d.problem}`;
}
