import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

describe('config check, before a roll-out', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    tmp = tempDir();
    file = join(tmp.dir, 'config.json');
  });
  afterEach(() => tmp.cleanup());

  it('shows what a kiosk will set from a valid file', async () => {
    writeFileSync(file, JSON.stringify({ version: 1, kioskName: 'Groep 7', groups: ['7A'], camera: { enabled: true, deviceId: null } }));
    const result = await cli(['config', 'check', '--file', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid');
    expect(result.stdout).toMatch(/kioskName\s+"Groep 7"/);
    expect(result.stdout).toMatch(/camera\s+\{"enabled":true,"deviceId":null\}/);
    const json = await cli(['config', 'check', '--file', file, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      path: file,
      valid: true,
      sets: { kioskName: 'Groep 7', groups: ['7A'], camera: { enabled: true, deviceId: null } },
      central: null,
    });
  });

  it('names the wrong field in Dutch and English and exits 1', async () => {
    writeFileSync(file, JSON.stringify({ version: 1, kioskNaam: 'Groep 7' }));
    const result = await cli(['config', 'check', '--file', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ROLLOUT_CONFIG_INVALID');
    expect(result.stderr).toContain('kioskNaam: onbekende sleutel (een tikfout?) / unknown key (a typo?)');
    const json = await cli(['config', 'check', '--file', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, error: { code: 'ROLLOUT_CONFIG_INVALID', details: { issues: [{ field: 'kioskNaam' }] } } });
  });

  it('a file named with --file must exist', async () => {
    const result = await cli(['config', 'check', '--file', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`No roll-out file at ${file}`);
  });

  it('never needs or touches a database', async () => {
    writeFileSync(file, JSON.stringify({ version: 1 }));
    expect((await cli(['config', 'check', '--file', file, '--db', tmp.dbPath])).code).toBe(0);
    expect(existsSync(tmp.dbPath)).toBe(false);
  });
});
