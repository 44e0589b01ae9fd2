import { parseArgs } from 'node:util';
import { describeUrl } from '../../core/central/connect';
import { syncKiosk } from '../../core/central/sync';
import { AppError } from '../../shared/errors';
import { output, type CliCommand } from '../command';
import { openReadOnly, withDb } from '../database';
import { centralUrl } from './centralShared';
import { readStoredCentral } from '../../core/central/connection';
import type { Db } from '../../core/db/open';

/** Exit codes: what a scheduled task or the IT partner's monitoring can tell apart. */
const EXIT = { ok: 0, refused: 1, diverged: 1, offline: 3 } as const;

/**
 * Uploads what is new of this kiosk's chain to the central database. Read-only on the kiosk:
 * the ledger is the queue, and where the centre's copy ends is asked at every start.
 */
export const sync: CliCommand = {
  name: 'sync',
  summary: "Upload the kiosk's new events and signed checkpoints to the central database; exit 1 if anything was refused, 3 if offline",
  usage: 'sync --url URL [--batch N]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, batch: { type: 'string' } } });
    const url = centralUrl(values.url, () => withDbSync(ctx.dbPath, (db) => readStoredCentral(db)?.url));
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
      ctx.io.stderr('--batch: 1 tot 10000 / 1 to 10000\n');
      return 2;
    }
    const result = await withDb(openReadOnly(ctx.dbPath), async (db) => {
      try {
        return await syncKiosk(db, url, { ...(batchSize ? { batchSize } : {}), retries: 2 });
      } catch (error) {
        // A login refused or a server that is not PostgreSQL: not a refusal of events, and not retried.
        if ((error as { code?: string }).code === '28P01' || (error as { code?: string }).code === '3D000') {
          throw new AppError('CENTRAL_UNREACHABLE', { target: describeUrl(url) });
        }
        throw error;
      }
    });
    const words = {
      ok: 'bijgewerkt / up to date',
      refused: 'GEWEIGERD door de centrale database / REFUSED by the central database',
      diverged: 'AFWIJKEND: de keten van deze kiosk klopt niet meer met de centrale kopie / DIVERGED: this kiosk chain no longer matches the central copy',
      offline: 'niet bereikbaar, volgende keer verder / unreachable, goes on next time',
    } as const;
    output(ctx, result, () =>
      [
        `Sync: ${words[result.outcome]}`,
        `${result.uploaded} gebeurtenissen verstuurd / events sent, ${result.checkpointsUploaded} controlepunten / checkpoints; ` +
          `kiosk ${result.localSeq}, centraal / central ${result.centralSeq}`,
        ...(result.problem ? [`${result.problem}${result.seq === undefined ? '' : ` (seq ${result.seq})`}`] : []),
      ].join('\n'),
    );
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
