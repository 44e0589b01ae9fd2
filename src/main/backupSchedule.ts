import type { Core } from '../core';
import { runMaintenance } from '../core/health/maintenance';

const HOUR = 60 * 60 * 1000;

/**
 * The kiosk's background work (see runMaintenance): the daily check, the retention purge and the daily backup, looked
 * at 30 s after start and every hour. Results are recorded by the core and shown to staff; the log
 * gets codes only, no personal data. Always the host's current core: a restore replaces it.
 */
export function startBackupSchedule(currentCore: () => Core | null): () => void {
  const run = () => {
    const core = currentCore();
    if (core === null) return; // the database could not be opened: nothing to check or copy
    runMaintenance(core, new Date())
      .then(({ check, purge, backup }) => {
        if (purge && 'failed' in purge) console.error(`[purge] failed: ${purge.failed}`);
        if (check && !check.ok) console.error(`[check] failed: ${check.problem} (${check.sqliteCheck})`);
        if (backup.status === 'failed') console.error(`[backup] failed: ${backup.problem}`);
      })
      .catch((error: unknown) => console.error('[maintenance] failed:', (error as Error).name));
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, HOUR);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
