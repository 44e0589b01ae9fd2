import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoDir } from './support/fakeProject';

type CheckNode = {
  REQUIRED_MAJOR: number;
  isSupported(version: string): boolean;
  unsupportedMessage(version: string, platform: string): string;
};
const SCRIPT = path.join(repoDir, 'scripts/check-node.cjs');
const checkNode = createRequire(import.meta.url)(SCRIPT) as CheckNode;

/** A Node older than 24 on this machine (the system Node of a build server), if there is one. */
function findOldNode(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin']);
  const candidates = [...new Set(dirs.map((d) => path.join(d, process.platform === 'win32' ? 'node.exe' : 'node')))];
  return candidates.find((node) => {
    if (!fs.existsSync(node)) return false;
    try {
      const major = Number(execFileSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }));
      return major < checkNode.REQUIRED_MAJOR;
    } catch {
      return false;
    }
  });
}
const oldNode = findOldNode();

describe('the Node version check before every npm script', () => {
  it('accepts Node 24 and newer, and nothing older or unreadable', () => {
    for (const v of ['v24.0.0', 'v24.22.3', '25.1.0', 'v26.0.0']) expect(checkNode.isSupported(v)).toBe(true);
    for (const v of ['v23.11.1', 'v22.12.0', 'v20.20.2', 'v16.20.2', '', 'node']) expect(checkNode.isSupported(v)).toBe(false);
  });

  it('says in Dutch and English what to install, with the Linux script only on Linux', () => {
    const linux = checkNode.unsupportedMessage('v22.12.0', 'linux');
    expect(linux).toContain('Inleverpunt heeft Node.js 24 of nieuwer nodig; deze Node is v22.12.0.');
    expect(linux).toContain('Inleverpunt needs Node.js 24 or newer; this Node is v22.12.0.');
    expect(linux).toContain('https://nodejs.org');
    expect(linux).toContain('. scripts/node24.sh');
    expect(checkNode.unsupportedMessage('v22.12.0', 'win32')).not.toContain('node24.sh');
  });

  it('prints nothing and exits 0 on this Node', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('keeps `npm run -s cli -- … --json` clean JSON', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const stdout = execFileSync(npm, ['run', '-s', 'cli', '--', 'codes', 'new', '--count', '1', '--json'], {
      cwd: repoDir,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(JSON.parse(stdout)).toMatchObject({ codes: [expect.any(String)] });
  });

  it.skipIf(oldNode === undefined)(
    `stops an older Node with that message and exit code 1 (skipped when this machine has no Node older than 24: ${oldNode ?? 'none found'})`,
    () => {
      const run = spawnSync(oldNode as string, [SCRIPT], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Inleverpunt heeft Node\.js 24 of nieuwer nodig; deze Node is v\d+\./);
      expect(run.stderr).toMatch(/Inleverpunt needs Node\.js 24 or newer; this Node is v\d+\./);
    },
  );
});
