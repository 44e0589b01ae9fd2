import type { RolloutOutcome } from '../../shared/contract/rollout';
import { openCore, type Core, type CoreOptions } from '../index';
import { holdsSchoolData } from '../demo/empty';
import { seedDemoSchool } from '../demo/seed';
import { applyRolloutAtStart } from '../rollout/startup';
import { AppError } from '../../shared/errors';
import { startFailureOf, type StartFailure } from './failure';
import { lostDatabase, markKioskExists } from './lostDatabase';

export interface StartOptions extends CoreOptions {
  /** The machine-wide roll-out file; looked at on every start, applied on the first one only. */
  rolloutConfigPath?: string;
  /** `--demo`: the demo school, seeded only into a database that holds no school. */
  demo?: boolean;
  /** Fills the database on the host's first start, not after a restore (tests seed their school). */
  seed?: (core: Core) => void;
}

/**
 * What a start found: an open core (which may still refuse to write, see `core.problem`), or why
 * the database could not be opened. Never a throw, so every host can show the failure.
 */
export type HostState =
  | { readonly kind: 'open'; readonly core: Core; readonly rollout: RolloutOutcome | null }
  | { readonly kind: 'failed'; readonly failure: StartFailure };

export function startCore(options: StartOptions, { firstStart }: { firstStart: boolean }): HostState {
  const { rolloutConfigPath, demo, seed, ...coreOptions } = options;
  if (lostDatabase(coreOptions.dbPath)) {
    const lost = new AppError('DB_CORRUPT', { reason: 'database missing or empty' });
    return { kind: 'failed', failure: startFailureOf(lost) };
  }
  let core: Core;
  try {
    core = openCore(coreOptions);
  } catch (error) {
    return { kind: 'failed', failure: startFailureOf(error) };
  }
  markKioskExists(coreOptions.dbPath, core.kiosk().kioskId);
  // A bad roll-out file is reported in the outcome, never fatal: the kiosk opens on what it has.
  const rollout = rolloutConfigPath ? applyRolloutAtStart(core, rolloutConfigPath) : null;
  if (demo && !holdsSchoolData(core.db)) seedDemoSchool(core);
  if (firstStart) seed?.(core);
  return { kind: 'open', core, rollout };
}
