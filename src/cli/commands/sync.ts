import { parseArgs } from 'node:util';
import { output, type CliCommand } from '../command';
import { openReadOnly } from '../database';
import { syncKioskFile, syncLines } from './syncShared';
import { centralUrl } from './centralShared';
import { readStoredCentral } from '../../core/central/connection';
import type { Db } from '../../core/db/open';

/** Exit codes: what a scheduled task or the IT partner's monitoring can tell apart. */
const EXIT = { ok: 0, refused: 1, diverged: 1, offline: 3 } as const;

/**
 * Uploads what is new of this kiosk's chain to the central database. The ledger is the queue, and
 * where the centre's copy ends is asked at every start. It writes to the kiosk only when the
 * central copy is ahead (a restored older backup): it takes the missing events back.
 */
export const sync: CliCommand = {
  name: 'sync',
  summary: "Upload the kiosk's new events and signed checkpoints to the central database (after a restore: take back what the centre holds first); exit 1 if anything was refused, 3 if offline",
  usage: 'sync --url URL [--batch N]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, batch: { type: 'string' } } });
    const url = centralUrl(values.url, () => withDbSync(ctx.dbPath, (db) => readStoredCentral(db)?.url));
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
      ctx.io.stderr('--batch: 1 tot 10000 / 1 to 10000\n');
      return 2;
    }
    const { result } = await syncKioskFile(ctx.dbPath, url, { ...(batchSize ? { batchSize } : {}), retries: 2 });
    output(ctx, result, () => syncLines(result).join('\n'));
    return EXIT[result.outcome];
  },
};

/** Reads the kiosk database once and closes it again, before the sync opens it for the upload. */
function withDbSync<T>(dbPath: string, fn: (db: Db) => T): T {
  const db = openReadOnly(dbPath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
