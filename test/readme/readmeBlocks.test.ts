/*
 * The README's command blocks are run, so the README cannot drift from the program.
 *
 * Every fenced block in a command language (```sh, ```bash, ```shell, ```zsh, ```console,
 * ```powershell, ```pwsh, ```ps1, ```cmd, ```bat) needs a marker on the line before it (blank
 * lines in between are fine). The marker is an HTML comment, so the README on GitHub does not
 * show it:
 *
 *   <!-- readme-test: run -->            bash runs the block; it must exit 0
 *   <!-- readme-test: run (exit 1) -->   … and must exit 1 (set -e: the last command's code)
 *   <!-- readme-test: skip (reason) -->  not run here, and the reason says why (it opens
 *                                        Electron, needs internet, is for Windows, …)
 *
 * A command block without a marker fails this test, and so does a marker that is not followed
 * by a block: nothing is left out silently. Other blocks (file contents, a folder tree) need none.
 *
 * How a block runs: with bash, `set -euo pipefail`, in a fresh temporary folder as the current
 * folder, with INLEVERPUNT_DB pointing at a database in a folder that does not exist yet (a
 * block makes it with `init`, or uses its own `--db`). `npm run cli -- …` and `npm run -s cli -- …`
 * run the CLI directly (test/support/readmeNpm.sh); any other npm command fails.
 *
 * Documented output: a comment line with two or more spaces after the `#` is output the block
 * promises (`#   Registered Telefoontas 7B (phone_bag), id …`). Each must appear in the block's
 * stdout, in order; `…` stands for anything on that line, spacing is loose, and a `← note` at the
 * end is ignored. `# text` with one space is an ordinary comment.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedOutput, firstMissingOutput, parseReadme } from '../support/readmeBlocks';
import { runShellBlock } from '../support/readmeShell';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const readme = parseReadme(README);
const runnable = readme.blocks.filter((b) => b.marker?.kind === 'run');

describe('README.md', () => {
  it('marks every command block as run or skip (with a reason)', () => {
    expect(readme.problems).toEqual([]);
    expect(runnable.length).toBeGreaterThan(0);
  });

  for (const block of runnable) {
    const exitCode = block.marker?.kind === 'run' ? block.marker.exitCode : 0;
    it(`runs "${block.section}" (line ${block.line}) as written`, { timeout: 10 * 60_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-readme-'));
      try {
        const result = runShellBlock(block.code, dir, join(dir, 'kiosk', 'inleverpunt.db'));
        const transcript = `README.md line ${block.line}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
        expect(result.code, transcript).toBe(exitCode);
        const missing = firstMissingOutput(result.stdout, expectedOutput(block.code));
        expect(missing?.text, `documented output not printed (in this order)\n${transcript}`).toBeUndefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('the README test itself', () => {
  const md = (...lines: string[]) => lines.join('\n');

  it('reports a command block without a marker, and a marker without a block', () => {
    const { problems } = parseReadme(
      md('## Install', '```sh', 'npm install', '```', '', '<!-- readme-test: run -->', 'Some text.', '```text', 'not a command', '```'),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('line 2 (Install, ```sh): command block without');
    expect(problems[1]).toContain('line 6: readme-test marker is not followed by a code block');
  });

  it('needs a reason to skip, and runs only what bash can run', () => {
    const { problems, blocks } = parseReadme(
      md('<!-- readme-test: skip -->', '```sh', 'x', '```', '<!-- readme-test: run -->', '```powershell', 'msiexec /i x.msi', '```'),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(['line 1', 'line 6 (top, ```powershell)']);
    expect(blocks[1]?.marker).toEqual({ kind: 'run', exitCode: 0 });
  });

  it('reads markers, exit codes and indented blocks', () => {
    const { problems, blocks } = parseReadme(
      md('- item', '  <!-- readme-test: run (exit 1) -->', '', '  ```bash', '  false', '  ```', '<!-- readme-test: skip (needs Electron) -->', '```sh', 'npm start', '```'),
    );
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.code, b.marker])).toEqual([
      ['false', { kind: 'run', exitCode: 1 }],
      ['npm start', { kind: 'skip', reason: 'needs Electron' }],
    ]);
  });

  it('checks documented output loosely, in order, with … for what differs each run', () => {
    const expected = expectedOutput(md('x', '#   Registered Daan (groep 7B), id …   ← PUPIL_ID', '# a comment', '#   Card: 00…'));
    expect(expected.map((e) => e.text)).toEqual(['Registered Daan (groep 7B), id …', 'Card: 00…']);
    expect(firstMissingOutput('Registered Daan  (groep 7B), id 9b1e-4\nCard: 0013\n', expected)).toBeUndefined();
    expect(firstMissingOutput('Card: 0013\nRegistered Daan (groep 7B), id 9b1e\n', expected)?.text).toBe('Card: 00…');
  });
});
