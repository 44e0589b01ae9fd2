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
