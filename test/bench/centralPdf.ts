import { copyFileSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { appendCopyText } from '../../src/core/central/chain';
import { copyLine } from '../../src/core/central/copyText';
import { exportCentralPdf } from '../../src/core/central/exportPdf';
import { registerKiosk } from '../../src/core/central/registry';
import { migrateCentral } from '../../src/core/central/schema/migrate';
import { syntheticChain } from '../core/central/support/chains';
import { startPostgres } from '../support/postgres';

/**
 * The board's printable log from the central database: KIOSKS kiosks × EVENTS events (synthetic
 * chains, uploaded as the sync does), exported as one PDF; time, pages, file size and the
 * process's peak memory (run with NODE_OPTIONS=--expose-gc to start from a collected heap). `CENTRAL_PDF_KIOSKS`, `CENTRAL_PDF_EVENTS` for other sizes.
 */
const KIOSKS = Number(process.env.CENTRAL_PDF_KIOSKS ?? 2);
const EVENTS = Number(process.env.CENTRAL_PDF_EVENTS ?? 5_000);

async function main(): Promise<void> {
  const cluster = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-central-pdf-'));
  try {
    const database = await cluster.createDatabase('pdf');
    const admin = new pg.Client({ connectionString: cluster.adminUrl(database) });
    await admin.connect();
    await migrateCentral(admin);
    for (let i = 0; i < KIOSKS; i++) {
      const kioskId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const { role, password } = await registerKiosk(admin, { kioskId, publicKey: Buffer.alloc(32, i), school: `School ${i}`, name: `Kiosk ${i}` });
      const client = new pg.Client({ connectionString: cluster.urlFor(role, password, database) });
      await client.connect();
      const lines = syntheticChain(kioskId, EVENTS).map(copyLine);
      for (let n = 0; n < lines.length; n += 1000) {
        await client.query('BEGIN');
        await appendCopyText(client, lines.slice(n, n + 1000).join(''));
        await client.query('COMMIT');
      }
      await client.end();
    }
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let live = 0;
    let ticks = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
      // The live heap: what is left after a collection, every half second (with --expose-gc).
      if (global.gc && ++ticks % 25 === 0) {
        global.gc();
        live = Math.max(live, process.memoryUsage().heapUsed);
      }
    }, 20);
    const file = join(dir, 'board.pdf');
    const out = createWriteStream(file);
    const started = performance.now();
    const rows = await exportCentralPdf(admin, out, {}, { language: 'nl', scope: {}, madeBy: 'bench', now: new Date() });
    await finished(out);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec((await import('node:fs')).readFileSync(file, 'latin1'))?.[1] ?? NaN);
    console.log(
      `board PDF: ${rows} events of ${KIOSKS} kiosks, ${pages} pages, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; RSS before ${(before / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB, live heap at most ${(live / 1e6).toFixed(0)} MB`,
    );
    if (process.env.CENTRAL_PDF_OUT) copyFileSync(file, process.env.CENTRAL_PDF_OUT);
    await admin.end();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    cluster.stop();
  }
}

void main();
