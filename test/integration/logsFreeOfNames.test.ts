import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGateway, type Gateway } from '../../src/core/api/gateway';
import { createHandlers } from '../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../core/support/custodyFixture';
import { cli } from '../cli/support/cli';
import { generatePupils, toEdexml, type GeneratedPupil } from '../support/edexml';

/** Every personal text in this story carries the marker, so one grep finds any of them. */
const MARK = 'Qz';

function markedPupils(count: number): GeneratedPupil[] {
  return generatePupils(count).map((p, i) => ({ ...p, roepnaam: `Roep${i}${MARK}`, voornamen: `Roep${i}${MARK}`, achternaam: `Achter${i}${MARK}` }));
}

describe('no personal data in logs or error messages', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  const logged: string[] = [];
  const errors: string[] = [];

  beforeEach(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    f = classFixture({ size: 1 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => void logged.push(`${method}: ${String(error)} ${(error as Error).stack ?? ''}`),
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    f.close();
  });

  /** A call whose failure (its code, messages and details) is kept for the grep. */
  async function invoke(method: string, args: unknown) {
    const result = await gateway.invoke(method, args);
    if (!result.ok) errors.push(JSON.stringify(result.error));
    return result;
  }
  const unlock = (who: 'teacher' | 'office' | 'admin') => invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] });

  it('through the import, scan, export, erase and purge paths, on the screen’s gateway and the CLI', async () => {
    // Import: a file with a problem (a key twice), refused; then the good file.
    const pupils = markedPupils(6);
    const bad = { fileName: 'leerlingen.xml', base64: Buffer.from(toEdexml([...pupils, { ...pupils[0]!, roepnaam: `Dubbel${MARK}`, voornamen: `Dubbel${MARK}` }])).toString('base64') };
    await unlock('office');
    const badPreview = await invoke('previewPupilImport', bad);
    if (badPreview.ok) {
      await invoke('applyPupilImport', { ...bad, fingerprint: (badPreview.value as { fingerprint: string }).fingerprint });
    }
    const good = { fileName: 'leerlingen.xml', base64: Buffer.from(toEdexml(pupils)).toString('base64') };
    const preview = await invoke('previewPupilImport', good);
    expect(preview.ok).toBe(true);
    expect(await invoke('applyPupilImport', { ...good, fingerprint: (preview as { value: { fingerprint: string } }).value.fingerprint })).toMatchObject({ ok: true });
    expect(errors.length).toBeGreaterThan(0); // the refused file said why

    // Register and scan: good, repeated, unknown, wrong mode; notes and a confiscation with personal text.
    const child = f.s.listPupils({}).find((p) => p.roepnaam.endsWith(MARK))!;
    const device = f.s.createDevice({ ownerPupilId: child.pupilId, kind: 'smartphone', description: `iPhone van ${child.roepnaam}` }, f.office.staffId);
    f.s.assignTag({ kind: 'device_sticker', raw: 'STK-QZ1', deviceId: device.deviceId }, f.office.staffId);
    await invoke('lockStaff', { endDuty: true });
    await invoke('scan', { code: 'STK-QZ1', mode: 'hand-in' });
    await invoke('scan', { code: 'STK-QZ1', mode: 'hand-in' });
    await invoke('scan', { code: 'ONBEKEND-123', mode: 'hand-in' });
    await invoke('noteCondition', { deviceId: device.deviceId, marks: ['other'], note: `barst, zegt ${child.roepnaam}` });
    await unlock('teacher');
    await invoke('confiscate', {
      deviceId: device.deviceId,
      reason: `${child.roepnaam} filmde`,
      article: 'B.3',
      witnessStaffId: f.witness.staffId,
      witnessPin: '0000',
    });
    await invoke('confiscate', { deviceId: device.deviceId, reason: `${child.roepnaam} filmde`, article: 'B.3', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    await invoke('returnDevice', { deviceId: device.deviceId });

    // Export, erasure refused while the case is open, release, erasure, purge.
    await unlock('office');
    expect(await invoke('exportLog', { format: 'csv', language: 'nl' })).toMatchObject({ ok: true });
    await invoke('erasePupil', { pupilId: child.pupilId, reason: 'verzoek' });
    await invoke('subjectAccess', { pupilId: 'geen-leerling', format: 'pdf' });
    await unlock('teacher');
    await invoke('releaseToGuardian', { deviceId: device.deviceId, guardianName: `Ouder${MARK}` });
    await invoke('releaseToGuardian', { deviceId: device.deviceId, guardianName: `Ouder${MARK}` });
    await unlock('office');
    expect(await invoke('erasePupil', { pupilId: child.pupilId, reason: 'verzoek' })).toMatchObject({ ok: true });
    await unlock('admin');
    f.clock.advance(400 * 86_400_000);
    expect(await invoke('runPurge', {})).toMatchObject({ ok: true });
    f.core.close();

    // The same paths from a terminal: every line it prints, errors first of all.
    const out: string[] = [];
    const run = async (argv: string[]) => {
      const r = await cli([...argv, '--db', f.dbPath]);
      out.push(r.stdout, r.stderr);
      return r;
    };
    const file = join(f.dbPath, '..', 'leerlingen.xml');
    writeFileSync(file, toEdexml([...markedPupils(3), { ...markedPupils(1)[0]!, roepnaam: `Dubbel${MARK}`, voornamen: `Dubbel${MARK}` }]));
    const importRun = await cli(['import-pupils', file, '--db', f.dbPath]);
    out.push(importRun.stderr); // its stdout is the preview the office asked to see
    await run(['scan', 'STK-QZ1', '--mode', 'hand-in']);
    await run(['scan', 'ONBEKEND-9', '--mode', 'hand-in']);
    await run(['export', '--out', join(f.dbPath, '..', 'log.csv')]);
    await run(['purge', '--dry-run']);
    await run(['purge']);
    await run(['erase', '--pupil', child.pupilId, '--reason', 'verzoek']);
    await run(['pupil-data', '--pupil', 'geen-leerling', '--out', join(f.dbPath, '..', 'x.pdf')]);

    // The grep below looked at real failures, not at silence.
    const codes = errors.map((e) => (JSON.parse(e) as { code: string }).code);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_TAG', 'PIN_WRONG', 'CASE_OPEN', 'NOT_IN_CUSTODY', 'UNKNOWN_PUPIL']));
    const everything = [...logged, ...errors, ...out].join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(MARK);
    expect(everything).not.toContain('filmde');
    expect(everything).not.toContain('barst, zegt');
  });
});
