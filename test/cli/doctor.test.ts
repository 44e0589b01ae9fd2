import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: new PassThrough(),
  });
  return { code, stdout, stderr };
}

describe('the CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('doctor');
  });

  it('says so and exits 2 on an unknown command', async () => {
    const { code, stderr } = await cli(['make-coffee']);
    expect(code).toBe(2);
    expect(stderr).toContain('make-coffee');
  });

  it('doctor reports Node 24, the database path and both native modules loading', async () => {
    const { code, stdout } = await cli(['doctor', '--json', '--db', '/tmp/nowhere/x.db']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      node: expect.stringMatching(/^2[4-9]\./),
      database: { path: '/tmp/nowhere/x.db', exists: false },
      betterSqlite3: { loads: true },
      nodeHid: { loads: true },
    });
    expect(Array.isArray(report.hidDevices)).toBe(true);
  });

  it('doctor prints a readable report too', async () => {
    const { stdout } = await cli(['doctor']);
    expect(stdout).toMatch(/better-sqlite3 OK/);
    expect(stdout).toMatch(/node-hid {7}OK/);
  });
});
