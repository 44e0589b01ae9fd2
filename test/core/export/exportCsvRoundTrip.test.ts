import { parse } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportEvents } from '../../../src/core/export/exportEvents';
import { readEvents } from '../../../src/core/ledger/readModel';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/** What people type that a CSV must carry unharmed: delimiters, quotes, line ends, formula starts. */
const NASTY = ['=SUM(A1:A9)', '+31 6 1234', '-5', '@home', '\tinspringing', 'a;b', 'zei "hoi"', 'regel 1\r\nregel 2', 'Zoë; "Ǆurić"', 'gewoon'];

async function csvOf(f: ClassFixture, delimiter: ';' | ',') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await exportEvents(f.s.context, { format: 'csv', filter: {}, language: 'nl', delimiter, actor: f.office.staffId }, out);
  return { report, rows: parse(Buffer.concat(chunks).toString('utf8'), { delimiter, bom: true, relax_column_count: false }) as string[][] };
}

describe('the CSV read back as a Dutch Excel reads it', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: NASTY.length });
    f.clock.set(new Date(2026, 10, 17, 8, 15).toISOString());
    NASTY.forEach((text, i) => {
      f.s.scan({ code: `STK-${i + 1}`, mode: 'hand-in', actor: 'pupil' });
      f.s.releaseToGuardian({ deviceId: f.phones[i]!.deviceId, actor: f.office.staffId, guardianName: text });
    });
  });
  afterEach(() => f.close());

  for (const delimiter of [';', ','] as const) {
    it(`matches the ledger event by event, every typed text intact (delimiter ${delimiter})`, async () => {
      const { report, rows } = await csvOf(f, delimiter);
      const [header, ...body] = rows;
      expect(header).toHaveLength(15);
      const kioskId = f.core.kiosk().kioskId;
      const events = readEvents(f.core.db, { kioskId, order: 'oldest-first', upToSeq: report.checkpoint!.treeSize, limit: 1000 }).events;
      expect(body.map((r) => Number(r[0]))).toEqual(events.map((e) => e.seq));
      expect(body.every((r) => r.length === 15 && r[13] === kioskId)).toBe(true);
      const hashes = f.core.db.prepare('SELECT lower(hex(hash)) FROM ledger_events WHERE kiosk_id = ? ORDER BY seq').pluck().all(kioskId) as string[];
      expect(body.map((r) => r[14])).toEqual(hashes.slice(0, body.length));
      const released = body.filter((r) => r[2] === 'Meegegeven aan ouder').map((r) => r[10]);
      // A text that Excel would run as a formula gets the apostrophe; everything else is as typed.
      const stored = events.filter((e) => e.type === 'released_to_guardian').map((e) => String(e.payload?.guardianName));
      expect(stored).toHaveLength(NASTY.length);
      expect(released).toEqual(stored.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)));
      expect(released).toContain('regel 1\r\nregel 2');
      expect(released).toContain('Zoë; "Ǆurić"');
      expect(body.find((r) => r[2] === 'Ingeleverd')?.[1]).toBe('17-11-2026 08:15');
    });
  }
});
