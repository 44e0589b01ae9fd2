import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Longer than any bundle in the tests takes; a run past it is a process that did not end. */
const TIMEOUT_MS = 120_000;

/**
 * Runs tools/verify-bundle.mjs exactly as a school's IT partner does: plain node, no app around it.
 * A synchronous spawn blocks the test's own timeout, so this one carries a timeout of its own:
 * a verifier that never ends fails the test with a reason instead of stalling the whole run.
 */
export function standaloneVerifier(args: string[], nodeArgs: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...nodeArgs, join(__dirname, '../../tools/verify-bundle.mjs'), ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (run.error) throw new Error(`verify-bundle.mjs ${args.join(' ')} did not end within ${TIMEOUT_MS / 1000} s: ${run.error.message}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
