/**
 * Reads the fenced code blocks of a Markdown file and the `readme-test` markers before them, and
 * the output a block documents. The marker scheme itself is described in
 * test/readme/readmeBlocks.test.ts, where people adding README blocks look for it.
 */

/** Blocks in these languages are commands a reader types: each must be run or skipped. */
export const COMMAND_LANGUAGES = ['sh', 'bash', 'shell', 'zsh', 'console', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat', 'batch'];
/** Of those, the ones the test can run here, with bash. */
export const RUNNABLE_LANGUAGES = ['sh', 'bash', 'shell'];

export type BlockMarker = { kind: 'run'; exitCode: number } | { kind: 'skip'; reason: string };

export interface ReadmeBlock {
  /** 1-based line of the opening fence, for messages that send the reader to it. */
  line: number;
  lang: string;
  /** The nearest heading above the block. */
  section: string;
  code: string;
  marker: BlockMarker | null;
}

export interface ParsedReadme {
  blocks: ReadmeBlock[];
  /** Everything that makes the README's test incomplete: unmarked blocks, bad markers. */
  problems: string[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const MARKER = /^\s*<!--\s*readme-test:\s*(.*?)\s*-->\s*$/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;

export function parseReadme(text: string): ParsedReadme {
  const lines = text.split(/\r?\n/);
  const blocks: ReadmeBlock[] = [];
  const problems: string[] = [];
  let section = 'top';
  // A marker waits for the next non-blank line, which must open a block.
  let pending: { line: number; marker: BlockMarker | null } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = MARKER.exec(line);
    if (marker) {
      if (pending) problems.push(`line ${pending.line}: readme-test marker is not followed by a code block`);
      const parsed = parseMarker(marker[1]!);
      if (typeof parsed === 'string') problems.push(`line ${i + 1}: ${parsed}`);
      pending = { line: i + 1, marker: typeof parsed === 'string' ? null : parsed };
      continue;
    }
    if (line.trim() === '') continue;
    const fence = FENCE.exec(line);
    if (!fence) {
      if (pending) problems.push(`line ${pending.line}: readme-test marker is not followed by a code block`);
      pending = null;
      const heading = HEADING.exec(line);
      if (heading) section = heading[1]!;
      continue;
    }
    const [, indent = '', ticks = '', lang = ''] = fence;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const candidate = lines[j]!;
      if (candidate.trim().startsWith(ticks) && candidate.trim().replace(/[`~]/g, '') === '') break;
      body.push(candidate.startsWith(indent) ? candidate.slice(indent.length) : candidate.trimStart());
    }
    const block: ReadmeBlock = { line: i + 1, lang: lang.toLowerCase(), section, code: body.join('\n'), marker: pending?.marker ?? null };
    blocks.push(block);
    problems.push(...blockProblems(block, pending !== null));
    pending = null;
    i = j;
  }
  if (pending) problems.push(`line ${pending.line}: readme-test marker is not followed by a code block`);
  return { blocks, problems };
}

function parseMarker(text: string): BlockMarker | string {
  const run = /^run(?:\s*\(\s*exit\s+(\d+)\s*\))?$/.exec(text);
  if (run) return { kind: 'run', exitCode: Number(run[1] ?? 0) };
  const skip = /^skip\s*\((.*)\)$/.exec(text);
  if (skip && skip[1]!.trim() !== '') return { kind: 'skip', reason: skip[1]!.trim() };
  return `readme-test marker "${text}" is not "run", "run (exit N)" or "skip (reason)"`;
}

function blockProblems(block: ReadmeBlock, hadMarker: boolean): string[] {
  const where = `line ${block.line} (${block.section}, \`\`\`${block.lang})`;
  if (!COMMAND_LANGUAGES.includes(block.lang)) return [];
  if (!hadMarker) return [`${where}: command block without <!-- readme-test: run --> or <!-- readme-test: skip (reason) --> before it`];
  if (block.marker?.kind === 'run' && !RUNNABLE_LANGUAGES.includes(block.lang)) {
    return [`${where}: only ${RUNNABLE_LANGUAGES.join('/')} blocks can be run here; mark it skip (reason)`];
  }
  return [];
}

export interface ExpectedOutput {
  /** The documented line as written, for the failure message. */
  text: string;
  pattern: RegExp;
}

/**
 * The output a block documents: comment lines with two or more spaces after the `#`
 * (`#   Registered …`), without the `← note` at their end. `…` stands for anything (an id, a
 * code), and spacing is loose; a `#` with one space is an ordinary comment.
 */
export function expectedOutput(code: string): ExpectedOutput[] {
  return code.split('\n').flatMap((line) => {
    const documented = /^\s*#\s{2,}(.*)$/.exec(line);
    const text = documented?.[1]?.replace(/←.*$/, '').trim();
    if (!text) return [];
    const source = text
      .split('…')
      .map((part) => part.split(/\s+/).map(escapeRegExp).join('\\s+'))
      .join('.*?');
    return [{ text, pattern: new RegExp(source, 'g') }];
  });
}

/** The first documented line that is not in `stdout` in the documented order, if any. */
export function firstMissingOutput(stdout: string, expected: readonly ExpectedOutput[]): ExpectedOutput | undefined {
  let from = 0;
  for (const line of expected) {
    line.pattern.lastIndex = from;
    const match = line.pattern.exec(stdout);
    if (!match) return line;
    from = match.index + match[0].length;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
