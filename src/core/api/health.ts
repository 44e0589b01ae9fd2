import { existsSync, readFileSync } from 'node:fs';
import type { Health, HealthProblem } from '../../shared/contract/kiosk';
import type { RolloutOutcome } from '../../shared/contract/rollout';
import { backupDirFor } from '../backup/backup';
import { recoveryOwner } from '../backup/owner';
import { recoveryOffer } from '../backup/recovery';
import type { StartFailure } from '../host/failure';
import { markerPathOf } from '../host/lostDatabase';
import type { Core } from '../index';
import type { CheckJob } from '../health/checks';
import { syncAlertsOf } from '../central/syncRecord';

/**
 * The kiosk's health as the screen reads it. A problem a backup cannot mend (a full or read-only
 * disk) offers no restore: that would only lose the events since the backup.
 */
export function healthOf(core: Core, rollout: RolloutOutcome | undefined, centralConfigured = false): Health {
  const problem: HealthProblem | null = core.problem ?? core.health.storage()?.problem ?? null;
  const failed = (job: CheckJob) => {
    const last = core.health.lastCheck(job);
    return last && !last.ok ? { at: last.at, problem: last.problem } : null;
  };
  return {
    writable: problem === null,
    problem,
    backup: core.problem ? offerFor(core) : null,
    ...(rollout ? { rollout } : {}),
    alerts: {
      backupFailed: failed('backup'),
      checkFailed: failed('verify'),
      ...syncAlertsOf(core.db, core.health, centralConfigured, core.services.context.now()),
    },
  };
}

// Finding the newest good backup checks each candidate's whole chain: once per core is enough,
// since no backup is made while the kiosk refuses writes (and a restore starts a new core).
const offers = new WeakMap<Core, ReturnType<typeof recoveryOffer>>();
function offerFor(core: Core): ReturnType<typeof recoveryOffer> {
  if (!offers.has(core)) offers.set(core, recoveryOffer(core.db.name));
  return offers.get(core) ?? null;
}

/** While the database cannot be opened: why, whose kiosk it is (as far as can be told) and the backup to offer. */
export function failedStartHealth(dbPath: string, failure: StartFailure): Health {
  const backupHelps = failure.code !== 'DISK_FULL' && failure.code !== 'DISK_READ_ONLY' && failure.code !== 'DB_FROM_NEWER_VERSION';
  const problem = healthProblemOf(failure.code);
  return {
    writable: false,
    problem,
    backup: backupHelps ? recoveryOffer(dbPath) : null,
    alerts: { backupFailed: null, checkFailed: null, syncRefused: null, syncOffline: null, syncTakenBack: null },
    startFailure: { code: failure.code, cause: failure.cause, kioskId: kioskIdOf(dbPath) },
  };
}

function healthProblemOf(code: string): HealthProblem {
  switch (code) {
    case 'DB_CORRUPT':
    case 'DB_READ_ONLY':
    case 'REGISTRY_MISMATCH':
    case 'DISK_FULL':
    case 'DISK_READ_ONLY':
    case 'DB_FROM_NEWER_VERSION':
      return code;
    default:
      return 'INTERNAL';
  }
}

/** The marker the kiosk writes beside its database at every start, else what its backups say. */
function kioskIdOf(dbPath: string): string | null {
  try {
    const marker = markerPathOf(dbPath);
    if (existsSync(marker)) {
      const id = readFileSync(marker, 'utf8').trim();
      if (/^[0-9a-f-]{36}$/i.test(id)) return id;
    }
  } catch {
    // unreadable marker: ask the backups
  }
  return recoveryOwner(dbPath, backupDirFor(dbPath))?.kioskId ?? null;
}
