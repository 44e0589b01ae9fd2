import { closeSync, openSync, readSync } from 'node:fs';
import {
  BUNDLE_FORMAT,
  BUNDLE_SEALERS,
  type BundleSealer,
  type BundleConsistency,
  type BundleEnd,
  type BundleEventLine,
  type BundleHeader,
  type BundleSubtree,
} from './bundleFormat';

export type BundleLine =
  | { kind: 'event'; value: BundleEventLine }
  | { kind: 'subtree'; value: BundleSubtree }
  | { kind: 'consistency'; value: BundleConsistency }
  | { kind: 'end'; value: BundleEnd };

/** Where a bundle stops being readable: the line (from 1) and whether the file simply ends too early. */
export class BundleReadError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unsupported_version' | 'truncated',
    readonly line: number,
  ) {
    super(`bundle: ${reason} at line ${line}`);
  }
}

/**
 * A bundle's lines as they arrive in chunks of any size (a file read a few megabytes at a time),
 * each with its newline, so a verifier holds one chunk in memory at a million events. A last
 * piece without a newline is a file cut off (`cut`).
 */
export function* lineBytes(chunks: Iterable<Buffer>): Generator<{ bytes: Buffer; cut: boolean }> {
  let rest: Buffer | null = null;
  for (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl + 1);
      yield { bytes: rest ? Buffer.concat([rest, piece]) : piece, cut: false };
      rest = null;
      start = nl + 1;
    }
    // The start of a line that goes on in the next chunk: copied, as the chunk may be reused.
    if (start < chunk.length) rest = rest ? Buffer.concat([rest, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }
  if (rest) yield { bytes: rest, cut: true };
}

/** A file's bytes, a chunk at a time (read synchronously: a verifier is one pass with nothing to wait for). */
export function* fileChunks(path: string, size = 4 * 1024 * 1024): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const read = readSync(fd, buffer, 0, size, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The header from its line's bytes (newline included or not). */
export function headerOfLine(bytes: Buffer): BundleHeader {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleReadError('malformed', 1);
  }
  return parseHeader(value);
}

/** A line after the header, from its bytes, classified. */
export function lineOf(bytes: Buffer, line: number): BundleLine {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleReadError('malformed', line);
  }
  const parsed = classify(value);
  if (!parsed) throw new BundleReadError('malformed', line);
  return parsed;
}

/** The header line, checked, and where the next line begins. */
export function bundleHeader(bytes: Buffer): { header: BundleHeader; next: number } {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) throw new BundleReadError('truncated', 1);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', 0, nl));
  } catch {
    throw new BundleReadError('malformed', 1);
  }
  return { header: parseHeader(value), next: nl + 1 };
}

/**
 * The lines of a bundle after its header, one at a time with their byte range, so a verifier
 * holds one line in memory at a million events. A last line without its newline is a file cut off.
 */
export function* bundleLines(bytes: Buffer, from: number): Generator<BundleLine & { line: number; start: number; end: number }> {
  let line = 1;
  for (let start = from; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    line++;
    if (nl < 0) throw new BundleReadError('truncated', line);
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8', start, nl));
    } catch {
      throw new BundleReadError('malformed', line);
    }
    const parsed = classify(value);
    if (!parsed) throw new BundleReadError('malformed', line);
    yield { ...parsed, line, start, end: nl + 1 };
    start = nl + 1;
  }
}

export function parseHeader(value: unknown): BundleHeader {
  if (typeof value !== 'object' || value === null || !('bundle' in value)) throw new BundleReadError('malformed', 1);
  const h = value as Record<string, unknown>;
  if (typeof h.bundle !== 'string' || !h.bundle.startsWith('inleverpunt-bundle/')) throw new BundleReadError('malformed', 1);
  if (h.bundle !== BUNDLE_FORMAT) throw new BundleReadError('unsupported_version', 1);
  const texts = ['origin', 'kioskId', 'verifierKey', 'madeAt', 'checkpoint'] as const;
  if (texts.some((k) => typeof h[k] !== 'string') || typeof h.filter !== 'object' || h.filter === null) {
    throw new BundleReadError('malformed', 1);
  }
  if (h.sealedBy !== undefined && !BUNDLE_SEALERS.includes(h.sealedBy as BundleSealer)) throw new BundleReadError('malformed', 1);
  return h as unknown as BundleHeader;
}

// At module level, not per line: a closure made a million times shows in the profile.
const isInt = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

function classify(value: unknown): BundleLine | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if ('event' in v) {
    return isInt(v.leaf) && typeof v.hash === 'string' && typeof v.event === 'object' && v.event !== null
      ? { kind: 'event', value: v as unknown as BundleEventLine }
      : null;
  }
  if ('subtree' in v) {
    const s = v.subtree as Record<string, unknown> | null;
    return s && isInt(s.leaf) && isInt(s.size) && typeof s.hash === 'string' ? { kind: 'subtree', value: s as unknown as BundleSubtree } : null;
  }
  if ('consistency' in v) {
    const c = v.consistency as Record<string, unknown> | null;
    return c && typeof c.note === 'string' && isInt(c.size) && Array.isArray(c.path) && c.path.every((p) => typeof p === 'string')
      ? { kind: 'consistency', value: c as unknown as BundleConsistency }
      : null;
  }
  if ('end' in v) {
    const e = v.end as Record<string, unknown> | null;
    return e && isInt(e.events) && isInt(e.subtrees) && typeof e.seal === 'string' ? { kind: 'end', value: e as unknown as BundleEnd } : null;
  }
  return null;
}

export interface Bundle {
  header: BundleHeader;
  events: BundleEventLine[];
  subtrees: BundleSubtree[];
  consistency: BundleConsistency | null;
  end: BundleEnd | null;
}

/**
 * A whole bundle in memory, as read, not checked: for a reader that wants the events (the
 * central server imports them after `verifyBundle` said yes). Throws BundleReadError.
 */
export function readBundle(bytes: Buffer): Bundle {
  const events: BundleEventLine[] = [];
  const subtrees: BundleSubtree[] = [];
  let consistency: BundleConsistency | null = null;
  let end: BundleEnd | null = null;
  const { header, next } = bundleHeader(bytes);
  for (const l of bundleLines(bytes, next)) {
    if (l.kind === 'event') events.push(l.value);
    else if (l.kind === 'subtree') subtrees.push(l.value);
    else if (l.kind === 'consistency') consistency = l.value;
    else end = l.value;
  }
  return { header, events, subtrees, consistency, end };
}
