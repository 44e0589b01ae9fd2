import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { runCli } from '../../src/cli/run';
import { AppError } from '../../src/shared/errors';
import { isValidOwnCode } from '../../src/shared/scan/codes';
import { tempDir } from '../support/tempDb';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

/** The code of the AppError `fn` throws. */
function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('registering a class from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string[];
  const json = async <T>(argv: string[]): Promise<T> => {
    const result = await cli([...argv, ...db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  beforeEach(() => {
    tmp = tempDir();
    db = ['--db', tmp.dbPath];
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
  });
  afterEach(() => tmp.cleanup());

  it('registers pupil, bag, pouch and device so the kiosk takes the device in by sticker, NFC and pouch tag', async () => {
    const pupil = await json<{ pupilId: string; groep: string; jaargroep: number }>([
      'pupil', 'add', '--roepnaam', 'Daan', '--voorvoegsel', 'de', '--achternaam', 'Vries', '--groep', '7B', '--jaargroep', '7', '--key', 'PARNASSYS-123',
    ]);
    expect(pupil).toMatchObject({ groep: '7B', jaargroep: 7 });

    const bag = await json<{ locationId: string; pouches: { pouchId: string; number: number }[] }>([
      'location', 'add', '--name', 'Telefoontas 7B', '--kind', 'phone_bag', '--pouches', '30',
    ]);
    expect(bag.pouches.map((p) => p.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // Pouch 12 of the new bag becomes Daan's for the year; another pupil cannot take it over.
    const pouch = await json<{ pouchId: string; number: number; pupilId: string; tag: string }>([
      'pouch', 'assign', '--location', bag.locationId, '--number', '12', '--pupil', pupil.pupilId, '--new-tag',
    ]);
    expect(pouch).toMatchObject({ number: 12, pupilId: pupil.pupilId });
    expect(pouch.pouchId).toBe(bag.pouches.find((p) => p.number === 12)!.pouchId);
    const other = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Lotte', '--achternaam', 'Bakker', '--groep', '7B']);
    const taken = await cli(['pouch', 'assign', '--location', bag.locationId, '--number', '12', '--pupil', other.pupilId, ...db]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('POUCH_TAKEN');
    expect(isValidOwnCode(pouch.tag)).toBe(true);

    // The NFC reader types the UID byte-reversed; it is stored in transmission order.
    const device = await json<{ deviceId: string; stickers: string[]; nfc: string }>([
      'device', 'add', '--pupil', pupil.pupilId, '--kind', 'smartphone', '--description', 'iPhone 12, blauw hoesje',
      '--new-sticker', '--nfc', 'F7:E6:D5:C4:B3:A2:04', '--profile', 'hex-reversed',
    ]);
    expect(device.stickers).toHaveLength(1);
    const sticker = device.stickers[0]!;
    expect(isValidOwnCode(sticker)).toBe(true);
    expect(device.nfc).toBe('04A2B3C4D5E6F7');

    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      const s = core.services;
      const handIn = (code: string) => s.scan({ code, mode: 'hand-in', actor: 'pupil' });
      const giveBack = () => s.returnDevice({ deviceId: device.deviceId, actor: 'pupil' });
      expect(core.db.prepare('SELECT count(*) AS n FROM pouches WHERE location_id = ?').get(bag.locationId)).toEqual({ n: 30 });

      const bySticker = handIn(sticker.toLowerCase()); // Caps Lock off on the scanner: same code
      expect(bySticker.event.deviceId).toBe(device.deviceId);
      expect(bySticker.event.pouchId).toBe(pouch.pouchId); // the pupil's own pouch
      giveBack();
      const byNfc = handIn('04A2B3C4D5E6F7'); // as the kiosk's NFC source passes it on, after the reader's profile
      expect(byNfc.event.deviceId).toBe(device.deviceId);
      giveBack();
      const byPouch = handIn(pouch.tag);
      expect(byPouch.event.deviceId).toBe(device.deviceId);
      expect(byPouch.event.pouchId).toBe(pouch.pouchId);
      giveBack();
    } finally {
      core.close();
    }

    const revoked = await json<{ revoked: { kind: string; canonical: string } }>(['tag', 'revoke', sticker]);
    expect(revoked.revoked).toMatchObject({ kind: 'device_sticker', canonical: sticker });
    const again = await cli(['tag', 'revoke', sticker, ...db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('TAG_REVOKED');

    const after = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      expect(errorCode(() => after.services.scan({ code: sticker, mode: 'hand-in', actor: 'pupil' }))).toBe('TAG_REVOKED');
      // The NFC tag still works; the ledger recorded the registrations.
      expect(after.services.scan({ code: '04A2B3C4D5E6F7', mode: 'hand-in', actor: 'pupil' }).event.deviceId).toBe(device.deviceId);
      const types = after.services.listEvents({ limit: 50 }).events.map((e) => e.type);
      expect(types).toContain('tag_assigned');
      expect(types).toContain('tag_revoked');
    } finally {
      after.close();
    }
  });

  it('refuses a code that is already on someone else’s card or sticker, and leaves nothing half-registered', async () => {
    const anna = await json<{ pupilId: string; card: string }>([
      'pupil', 'add', '--roepnaam', 'Anna', '--achternaam', 'Bakker', '--groep', '7B', '--card', '2024-0117',
    ]);
    expect(anna.card).toBe('2024-0117');
    const secondCard = await cli(['pupil', 'add', '--roepnaam', 'Bram', '--achternaam', 'Smit', '--groep', '7B', '--card', '2024-0117', ...db]);
    expect(secondCard.code).toBe(1);
    expect(secondCard.stderr).toContain('TAG_ON_CARD');

    const phone = await json<{ stickers: string[] }>([
      'device', 'add', '--pupil', anna.pupilId, '--kind', 'smartphone', '--description', 'Samsung', '--new-sticker',
    ]);
    const secondSticker = await cli([
      'device', 'add', '--pupil', anna.pupilId, '--kind', 'smartwatch', '--description', 'Horloge', '--sticker', phone.stickers[0]!, ...db, '--json',
    ]);
    expect(secondSticker.code).toBe(1);
    expect((JSON.parse(secondSticker.stderr) as { error: { code: string } }).error.code).toBe('TAG_IN_USE');

    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      expect(core.services.listPupils().map((p) => p.roepnaam)).toEqual(['Anna']); // no Bram without a card
      expect(core.services.listDevices({ pupilId: anna.pupilId }).map((d) => d.kind)).toEqual(['smartphone']);
    } finally {
      core.close();
    }
  });

  it('explains its usage for missing or unknown options', async () => {
    for (const argv of [
      ['pupil', 'add', '--roepnaam', 'X', '--groep', '7B'],
      ['pupil', 'add', '--roepnaam', 'X', '--achternaam', 'Y', '--groep', '7B', '--jaargroep', 'zeven'],
      ['location', 'add', '--name', 'Tas', '--kind', 'bucket'],
      ['location', 'add', '--name', 'Tas', '--kind', 'phone_bag', '--pouches', '0'],
      ['pouch', 'assign', '--location', 'L', '--number', '1', '--pupil', 'P', '--tag', 'IPX', '--new-tag'],
      ['device', 'add', '--pupil', 'P', '--kind', 'laptop', '--description', 'X'],
      ['device', 'add', '--pupil', 'P', '--kind', 'tablet', '--description', 'X', '--nfc', '04A2B3C4'],
      ['tag', 'revoke'],
      ['device', 'add', '--frobnicate'],
    ]) {
      const result = await cli([...argv, ...db]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage');
    }
    const unknown = await cli(['tag', 'revoke', 'IP0000000000', ...db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/MISREAD_CODE|UNKNOWN_TAG/);
  });

  it('leaves a registry that matches the ledger, which verify and the next start confirm', async () => {
    const pupil = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Daan', '--achternaam', 'Vries', '--groep', '7B', '--key', 'K-1']);
    const other = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Lotte', '--achternaam', 'Bakker', '--groep', '7B']);
    const bag = await json<{ locationId: string }>(['location', 'add', '--name', 'Telefoontas 7B', '--kind', 'phone_bag', '--pouches', '3']);
    await json(['pouch', 'assign', '--location', bag.locationId, '--number', '2', '--pupil', pupil.pupilId, '--new-tag']);
    await json(['pouch', 'assign', '--location', bag.locationId, '--number', '3', '--pupil', other.pupilId]);
    const device = await json<{ deviceId: string; stickers: string[] }>([
      'device', 'add', '--pupil', pupil.pupilId, '--kind', 'smartphone', '--description', 'iPhone, blauw hoesje', '--new-sticker',
    ]);
    await json(['device', 'add', '--pupil', other.pupilId, '--kind', 'smartwatch', '--description', 'horloge', '--new-sticker']);
    await json(['tag', 'revoke', device.stickers[0]!]);
    await json(['staff', 'add', '--name', 'Juf Anna', '--role', 'teacher', '--pin', '4821']);

    const verified = await json<{ ok: boolean; registry: { status: string; events: number } }>(['verify']);
    // 2 pupils, the bag, its 3 pouches and 2 assignments, a pouch tag, 2 devices with a sticker each, a revocation, a teacher.
    expect(verified).toMatchObject({ ok: true, registry: { status: 'ok', events: 15 } });
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      expect(core.startup).toMatchObject({ problem: null, registry: { status: 'ok', events: 15 } });
    } finally {
      core.close();
    }
  });

  it('verify fails naming the row when a tag was pointed at another device', async () => {
    const pupil = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Daan', '--achternaam', 'Vries', '--groep', '7B']);
    const mine = await json<{ deviceId: string; stickers: string[] }>(['device', 'add', '--pupil', pupil.pupilId, '--kind', 'smartphone', '--description', 'telefoon', '--new-sticker']);
    const theirs = await json<{ deviceId: string }>(['device', 'add', '--pupil', pupil.pupilId, '--kind', 'tablet', '--description', 'tablet']);
    const raw = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    raw.db.prepare('UPDATE tags SET device_id = ? WHERE canonical = ?').run(theirs.deviceId, mine.stickers[0]);
    const tagId = raw.db.prepare('SELECT tag_id FROM tags WHERE canonical = ?').pluck().get(mine.stickers[0]) as string;
    raw.close();
    const result = await cli(['verify', ...db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('registry MISMATCH');
    expect(result.stdout).toContain(`tags ${tagId}: deviceId differs`);
    expect(result.stdout).not.toContain('Daan');
  });
});
