import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/run';

/** Runs one CLI invocation in-process with captured output. */
export async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: new PassThrough(),
  });
  return { code, stdout, stderr };
}
