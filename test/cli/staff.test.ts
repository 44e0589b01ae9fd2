import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/tempDb';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: new PassThrough() });
  return { code, stdout, stderr };
}

describe('staff from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
  });
  afterEach(() => tmp.cleanup());

  it('registers a teacher who can then unlock the kiosk, and lists staff without PINs', async () => {
    const added = await cli(['staff', 'add', '--name', 'Juf Sanne', '--role', 'teacher', '--pin', '5071', '--db', tmp.dbPath, '--json']);
    expect(added.code).toBe(0);
    const { staffId } = JSON.parse(added.stdout) as { staffId: string };
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    expect(core.services.loginStaff({ staffId, pin: '5071' }).staffId).toBe(staffId);
    expect(core.services.listEvents({ limit: 5 }).events.map((e) => e.type)).toContain('staff_changed');
    core.close();
    const listed = await cli(['staff', 'list', '--db', tmp.dbPath]);
    expect(listed.stdout).toContain('teacher  Juf Sanne');
    expect(listed.stdout).not.toContain('5071');
  });

  it('refuses a PIN that is not 4 to 8 digits, in Dutch and English', async () => {
    const result = await cli(['staff', 'add', '--name', 'X', '--role', 'admin', '--pin', '12', '--db', tmp.dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\w/);
  });

  it('explains its usage when the role is unknown', async () => {
    const result = await cli(['staff', 'add', '--name', 'X', '--role', 'janitor', '--pin', '1234', '--db', tmp.dbPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage');
  });
});

describe('managing staff from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  let adminId: string;
  let teacherId: string;
  beforeEach(async () => {
    tmp = tempDir();
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
    const add = async (name: string, role: string, pin: string) =>
      (JSON.parse((await cli(['staff', 'add', '--name', name, '--role', role, '--pin', pin, '--db', tmp.dbPath, '--json'])).stdout) as { staffId: string }).staffId;
    adminId = await add('Beheerder', 'admin', '135790');
    teacherId = await add('Juf Sanne', 'teacher', '5071');
  });
  afterEach(() => tmp.cleanup());

  const login = (staffId: string, pin: string) => {
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      return core.services.loginStaff({ staffId, pin }).staffId;
    } catch (error) {
      return (error as { code: string }).code;
    } finally {
      core.close();
    }
  };

  it('resets a forgotten PIN; the old one stops working and the new one is nowhere in the output', async () => {
    const result = await cli(['staff', 'reset-pin', '--id', teacherId, '--pin', '8642', '--db', tmp.dbPath]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).not.toContain('8642');
    expect(login(teacherId, '8642')).toBe(teacherId);
    expect(login(teacherId, '5071')).toBe('PIN_WRONG');
  });

  it('deactivates a teacher who left: she can no longer unlock and is not listed', async () => {
    expect((await cli(['staff', 'deactivate', '--id', teacherId, '--db', tmp.dbPath])).code).toBe(0);
    expect(login(teacherId, '5071')).toBe('UNKNOWN_STAFF');
    expect((await cli(['staff', 'list', '--db', tmp.dbPath])).stdout).not.toContain('Juf Sanne');
  });

  it('refuses to deactivate the last administrator with a clear message, no stack trace', async () => {
    const result = await cli(['staff', 'deactivate', '--id', adminId, '--db', tmp.dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LAST_ADMIN');
    expect(result.stderr).not.toMatch(/\bat .*\.ts/);
  });

  it('sets a role, refusing a PIN too short for it only when a PIN is set', async () => {
    expect((await cli(['staff', 'set-role', '--id', teacherId, '--role', 'office', '--db', tmp.dbPath])).stdout).toContain('is now office');
    const short = await cli(['staff', 'reset-pin', '--id', teacherId, '--pin', '1234', '--db', tmp.dbPath]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('PIN_TOO_SHORT');
  });

  it('lifts a lock-out', async () => {
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    for (let i = 0; i < 5; i++) expect(() => core.services.verifyPin(teacherId, '0000')).toThrow();
    core.close();
    expect(login(teacherId, '5071')).toBe('PIN_LOCKED');
    expect((await cli(['staff', 'clear-lock', '--id', teacherId, '--db', tmp.dbPath])).code).toBe(0);
    expect(login(teacherId, '5071')).toBe(teacherId);
  });

  it('explains its usage when the id is missing', async () => {
    const result = await cli(['staff', 'reset-pin', '--pin', '1234', '--db', tmp.dbPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('staff reset-pin --id ID --pin PIN');
  });
});
