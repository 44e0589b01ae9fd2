import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/core/evidence/readBundle';
import { exportBundle } from '../../src/core/export/exportBundle';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { startPostgres, type PgCluster } from '../support/postgres';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

let cluster: PgCluster;
let adminUrl: string;
let f: ClassFixture;
let stranger: ClassFixture;
const files = tempDir();

async function bundleOf(fixture: ClassFixture): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportBundle(fixture.s.context, { filter: {}, actor: fixture.office.staffId }, out);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  cluster = await startPostgres();
  adminUrl = cluster.adminUrl(await cluster.createDatabase());
  f = classFixture({ size: 3 });
  for (let n = 1; n <= 3; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  stranger = classFixture({ size: 1 });
  expect((await cli(['central', 'init', '--url', adminUrl, '--json'])).code).toBe(0);
  expect((await cli(['central', 'register-kiosk', '--url', adminUrl, '--db', f.dbPath, '--json'])).code).toBe(0);
});
afterAll(() => {
  f?.close();
  stranger?.close();
  files.cleanup();
  cluster?.stop();
});

describe('import-bundle: an offline kiosk’s bundles from a USB stick into the central database', () => {
  it('imports a whole-chain bundle once; the same folder again adds nothing', async () => {
    const stick = join(files.dir, 'stick');
    mkdirSync(stick);
    const bytes = await bundleOf(f);
    writeFileSync(join(stick, 'lokaal-7.jsonl'), bytes);
    const first = await cli(['import-bundle', stick, '--url', adminUrl, '--json']);
    expect(first.code).toBe(0);
    // Every event the bundle holds: the whole chain up to the checkpoint the export signed first.
    expect(JSON.parse(first.stdout)).toMatchObject({ results: [{ result: { outcome: 'ok', imported: readBundle(bytes).events.length, skipped: 0 } }] });
    const again = await cli(['import-bundle', stick, '--url', adminUrl, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ results: [{ file: 'lokaal-7.jsonl', result: { outcome: 'ok', imported: 0, checkpoints: 0 } }] });
  });

  it('brings the checkpoint the kiosk signed: the witness countersigns it and the board sees the offline kiosk verified', async () => {
    const kioskId = f.core.kiosk().kioskId;
    const witnessKey = join(files.dir, 'witness.pem');
    expect((await cli(['central', 'init', '--url', adminUrl, '--witness-key', witnessKey])).code).toBe(0);
    const before = await cli(['central', 'status', '--url', adminUrl]);
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    const bundle = join(files.dir, 'na-de-middag.jsonl');
    writeFileSync(bundle, await bundleOf(f));
    const size = readBundle(readFileSync(bundle)).events.length;
    const imported = await cli(['import-bundle', bundle, '--url', adminUrl]);
    expect(imported.code).toBe(0);
    // The return, and the record of the export before it.
    expect(imported.stdout).toContain('2 toegevoegd / added');
    expect(imported.stdout).toContain('controlepunt bewaard voor de getuige / checkpoint stored for the witness');

    const witnessed = await cli(['central', 'witness', '--url', adminUrl, '--witness-key', witnessKey, '--json']);
    expect(witnessed.code).toBe(0);
    expect(JSON.parse(witnessed.stdout)).toMatchObject({ findings: [] });
    const status = await cli(['central', 'status', '--url', adminUrl]);
    // Its events came by bundle, never by sync: it did reach the centre.
    expect(before.stdout).toMatch(/^ok\s.*sync - \(-\)/);
    expect(status.stdout.trimEnd()).toMatch(new RegExp(`^ok\\s.*seq ${size}, sync - \\(-\\), checkpoint ${size}, witnessed ${size}, findings 0$`));

    // The kiosk's bundle against that countersigned checkpoint (it carries the witness's line): nothing new, nothing refused.
    const cosigned = join(files.dir, 'cosigned.checkpoint.txt');
    expect((await cli(['central', 'cosigned', '--url', adminUrl, '--kiosk', kioskId, '--out', cosigned])).code).toBe(0);
    const withWitness = join(files.dir, 'getuigd.jsonl');
    expect((await cli(['export', '--db', f.dbPath, '--format', 'bundle', '--out', withWitness, '--cosigned', cosigned])).code).toBe(0);
    const again = await cli(['import-bundle', withWitness, '--url', adminUrl, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ results: [{ result: { outcome: 'ok', imported: 0, checkpoints: 0 } }] });
  });

  it('refuses, naming why, a bundle changed after it was made and one from a kiosk the centre does not know; nothing is added', async () => {
    const bytes = Buffer.from(await bundleOf(f));
    const text = bytes.toString('utf8').replace('"handed_in"', '"returned"');
    const changed = join(files.dir, 'changed.jsonl');
    writeFileSync(changed, text);
    const refused = await cli(['import-bundle', changed, '--url', adminUrl]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/changed\.jsonl: geweigerd \/ refused: \w+/);
    // What the code means, in Dutch and in English, under it.
    expect(refused.stdout).toMatch(/\n {2}Een gebeurtenis is veranderd: haar hash klopt niet\.\n {2}An event was changed: its hash does not match\./);
    const unknown = join(files.dir, 'unknown.jsonl');
    writeFileSync(unknown, await bundleOf(stranger));
    const strangers = await cli(['import-bundle', unknown, '--url', adminUrl, '--json']);
    expect(strangers.code).toBe(1);
    expect(JSON.parse(strangers.stdout)).toMatchObject({ results: [{ result: { outcome: 'unknown_kiosk' } }] });
    expect(readFileSync(changed, 'utf8')).toContain('"returned"');
  });

  it("refuses a filtered bundle (one group, some kinds) without holding it against the kiosk: it verifies, but leaves gaps in the chain", async () => {
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    const filtered = join(files.dir, 'alleen-inleveren.jsonl');
    expect((await cli(['export', '--db', f.dbPath, '--format', 'bundle', '--type', 'handed_in', '--out', filtered])).code).toBe(0);
    expect((await cli(['verify-bundle', filtered])).code).toBe(0);
    const refused = await cli(['import-bundle', filtered, '--url', adminUrl]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('alleen-inleveren.jsonl: geweigerd / refused: partial_bundle');
    expect(refused.stdout).toContain('maak een bewijsbestand zonder filter / filtered, only part of the log; make a bundle without a filter');
    const status = await cli(['central', 'status', '--url', adminUrl]);
    expect(status.stdout).toContain('findings 0');
    expect(status.code).toBe(0);
  });
});
