import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const PRELUDE = fileURLToPath(new URL('readmeNpm.sh', import.meta.url));
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

export interface BlockRun {
  /** Null when bash was stopped by the safety timeout. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one README block with bash in `dir` (the reader's current folder), with INLEVERPUNT_DB set
 * to `dbPath`, so neither this machine's kiosk database nor the tester's own settings come in.
 * `npm run cli` is mapped as readmeNpm.sh explains; the block's text is run as it is written.
 */
export function runShellBlock(block: string, dir: string, dbPath: string): BlockRun {
  // A reader runs these in the checkout, where the README's example files (docs/) are.
  if (!existsSync(join(dir, 'docs'))) symlinkSync(join(REPO, 'docs'), join(dir, 'docs'));
  if (!existsSync(join(dir, 'tools'))) symlinkSync(join(REPO, 'tools'), join(dir, 'tools'));
  const script = join(dir, 'readme-block.sh');
  writeFileSync(script, `. "$README_TEST_PRELUDE"\n${block}\n`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INLEVERPUNT_')));
  const result = spawnSync('bash', ['--noprofile', '--norc', script], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...env,
      INLEVERPUNT_DB: dbPath,
      README_TEST_PRELUDE: PRELUDE,
      README_TEST_NODE: process.execPath,
      README_TEST_TSX: TSX_LOADER,
      README_TEST_REPO: REPO,
    },
    // A safety net for a block that waits for input, not a statement about speed.
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
