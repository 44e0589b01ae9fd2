import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { runCli } from '../../src/cli/run';
import { isValidOwnCode } from '../../src/shared/scan/codes';
import { tempDir } from '../support/tempDb';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

interface Listed {
  pupils: { roepnaam: string; devices: { deviceId: string; kind: string; tags: { canonical: string; kind: string; status: string }[] }[] }[];
}

describe('devices and tags from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string[];
  const json = async <T>(argv: string[]): Promise<T> => {
    const result = await cli([...argv, ...db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const errorOf = async (argv: string[]) => {
    const result = await cli([...argv, ...db, '--json']);
    expect(result.code).toBe(1);
    return (JSON.parse(result.stderr) as { error: { code: string } }).error.code;
  };
  beforeEach(() => {
    tmp = tempDir();
    db = ['--db', tmp.dbPath];
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
  });
  afterEach(() => tmp.cleanup());

  it('adds devices, assigns a scanned sticker, a new code and an NFC tag, lists them, moves and revokes with a reason', async () => {
    const sem = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Sem', '--achternaam', 'Jansen', '--groep', '6A']);
    const noor = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', 'Noor', '--voorvoegsel', 'de', '--achternaam', 'Boer', '--groep', '6A']);
    const phone = await json<{ deviceId: string; stickers: string[] }>(['devices', 'add', '--pupil', sem.pupilId, '--kind', 'smartphone', '--description', 'iPhone']);
    expect(phone.stickers).toEqual([]);
    // The old name still works.
    const watch = await json<{ deviceId: string }>(['device', 'add', '--pupil', noor.pupilId, '--kind', 'smartwatch', '--description', 'horloge']);

    const sticker = await json<{ tag: { canonical: string } }>(['tags', 'assign', '--device', phone.deviceId, '--code', ' 8712345678906 ']);
    expect(sticker.tag.canonical).toBe('8712345678906');
    const printed = await json<{ tag: { canonical: string } }>(['tags', 'assign', '--device', watch.deviceId, '--new-code']);
    expect(isValidOwnCode(printed.tag.canonical)).toBe(true);
    const nfc = await json<{ tag: { canonical: string; kind: string } }>([
      'tags', 'assign', '--device', watch.deviceId, '--nfc', '04:A2:2B:1A:6C:5E:80', '--profile', 'hex',
    ]);
    expect(nfc.tag).toMatchObject({ kind: 'nfc', canonical: '04A22B1A6C5E80' });

    const listed = await json<Listed>(['devices', 'list', '--group', '6A']);
    // Class-list order: Boer (de) before Jansen.
    expect(listed.pupils.map((p) => p.roepnaam)).toEqual(['Noor', 'Sem']);
    expect(listed.pupils[0]!.devices[0]!.tags.map((t) => t.kind)).toEqual(['device_sticker', 'nfc']);

    expect(await errorOf(['tags', 'assign', '--device', watch.deviceId, '--code', '8712345678906'])).toBe('TAG_IN_USE');

    const moved = await json<{ moved: { deviceId: string } }>(['tags', 'move', '8712345678906', '--to', watch.deviceId, '--reason', 'verkeerd geplakt']);
    expect(moved.moved.deviceId).toBe(watch.deviceId);
    await json(['tags', 'revoke', printed.tag.canonical.toLowerCase(), '--reason', 'kwijt']);
    const after = await json<Listed>(['devices', 'list', '--pupil', noor.pupilId]);
    expect(after.pupils[0]!.devices[0]!.tags.map((t) => [t.canonical, t.status])).toEqual([
      // Active ones in the order they were first given out, then the withdrawn.
      ['8712345678906', 'active'],
      ['04A22B1A6C5E80', 'active'],
      [printed.tag.canonical, 'revoked'],
    ]);
    expect(await errorOf(['tags', 'revoke', printed.tag.canonical, '--reason', 'nogmaals'])).toBe('TAG_REVOKED');

    const human = await cli(['devices', 'list', '--group', '6A', ...db]);
    expect(human.stdout).toContain('Noor de Boer');
    expect(human.stdout).toContain('revoked');

    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      const types = core.services.listEvents({ limit: 3 }).events.map((e) => e.type);
      expect(types).toEqual(['tag_revoked', 'tag_assigned', 'tag_assigned']);
    } finally {
      core.close();
    }
  });

  it('asks for a reason and exactly one kind of code', async () => {
    expect((await cli(['tags', 'revoke', 'ABC', ...db])).code).toBe(2);
    expect((await cli(['tags', 'move', 'ABC', '--reason', 'x', ...db])).code).toBe(2);
    expect((await cli(['tags', 'assign', '--device', 'x', '--code', 'A', '--new-code', ...db])).code).toBe(2);
    expect((await cli(['tags', 'assign', '--device', 'x', '--nfc', '04AA', ...db])).code).toBe(2);
    expect((await cli(['devices', 'list', ...db])).code).toBe(2);
  });
});
