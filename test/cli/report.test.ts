import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliCore } from '../../src/cli/database';
import { readEvents } from '../../src/core/ledger/readModel';
import { pdfPageCount, pdfText, requireTools } from '../support/pdfRaster';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let incident: { seq: number; deviceId: string };
beforeAll(async () => {
  requireTools();
  tmp = tempDir('inleverpunt-cli-');
  dbPath = `${tmp.dir}/school.db`;
  expect((await cli(['demo', '--db', dbPath])).code).toBe(0);
  const core = openCliCore(dbPath);
  try {
    const found = readEvents(core.db, { kioskId: core.kiosk().kioskId, types: ['incident_reported'], limit: 1 }).events[0]!;
    incident = { seq: found.seq, deviceId: found.deviceId! };
  } finally {
    core.close();
  }
});
afterAll(() => tmp.cleanup());

describe('report', () => {
  it("writes a device's chain-of-custody report as a PDF and says it verified", async () => {
    const out = `${tmp.dir}/toestel.pdf`;
    const result = await cli(['report', '--device', incident.deviceId, '--out', out, '--json', '--db', dbPath]);
    expect(result.code, result.stderr).toBe(0);
    const made = JSON.parse(result.stdout) as { pages: number; events: number; verified: boolean; checkpoint: { treeSize: number } };
    expect(made.verified).toBe(true);
    const pdf = new Uint8Array(readFileSync(out));
    expect(pdfPageCount(pdf)).toBe(made.pages);
    const text = pdfText(pdf);
    expect(text).toContain('Bewaarrapport');
    expect(text).toContain('Incident gemeld');
    expect(text).toContain(`pagina ${made.pages} van ${made.pages}`);
  });

  it('writes an incident report in English', async () => {
    const out = `${tmp.dir}/incident.pdf`;
    const result = await cli(['report', '--incident', String(incident.seq), '--lang', 'en', '--out', out, '--db', dbPath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('ledger verified');
    const text = pdfText(new Uint8Array(readFileSync(out)));
    expect(text).toContain(`Incident #${incident.seq}`);
    expect(text).toContain('For the insurer');
  });

  it('needs one of --device or --incident, and a .pdf to write', async () => {
    expect((await cli(['report', '--out', `${tmp.dir}/x.pdf`, '--db', dbPath])).code).toBe(2);
    expect((await cli(['report', '--device', incident.deviceId, '--incident', '3', '--out', `${tmp.dir}/x.pdf`, '--db', dbPath])).code).toBe(2);
    expect((await cli(['report', '--incident', 'x', '--out', `${tmp.dir}/x.pdf`, '--db', dbPath])).code).toBe(2);
    expect((await cli(['report', '--device', incident.deviceId, '--out', `${tmp.dir}/x.csv`, '--db', dbPath])).code).toBe(2);
  });
});
