import { readStoredCentral, resolveCentral, type CentralConnection } from '../central/connection';
import { withReadOnlyFile } from './readOnlyFile';

/**
 * The central database a restore will catch up from, read without an open core (the kiosk whose
 * database failed its start, the CLI's `restore`): the address saved in the first of `files` that
 * holds one (the database being replaced, then the backup), else the environment and the roll-out
 * file, as `resolveCentral` reads them. Knowing it before the swap decides whether the restore's
 * retention purge waits for that catch-up: purging at once appends an event at a seq the central
 * copy already holds, and the kiosk would be forked from its first minute back.
 */
export function centralForRestore(files: readonly (string | null)[], env: NodeJS.ProcessEnv, rolloutPath?: string): CentralConnection | null {
  for (const path of files) {
    const stored = path === null ? null : savedIn(path);
    if (stored) return { ...stored, source: 'settings' };
  }
  return resolveCentral({ db: null, env, rolloutPath });
}

function savedIn(path: string): ReturnType<typeof readStoredCentral> {
  try {
    return withReadOnlyFile(path, readStoredCentral);
  } catch {
    // A database too damaged to read (why it is being restored): no address from it.
    return null;
  }
}
