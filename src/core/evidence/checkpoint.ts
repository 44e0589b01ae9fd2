/**
 * The text of a C2SP checkpoint (c2sp.org/tlog-checkpoint, v1.0.0): origin, tree size and root
 * hash, one per line; signed as a note by the log's key, whose name is the origin.
 */
export interface CheckpointBody {
  origin: string;
  size: number;
  root: Buffer;
}

/** A kiosk's log identity: stable, schema-less, no spaces or plus signs (key name rules). */
export const kioskOrigin = (kioskId: string): string => `inleverpunt.kiosk/${kioskId}`;

export function checkpointText(body: CheckpointBody): string {
  if (!body.origin || /[\s+]/u.test(body.origin) || !Number.isSafeInteger(body.size) || body.size < 0 || body.root.length !== 32) {
    throw new Error('checkpoint: invalid origin, size or root');
  }
  return `${body.origin}\n${body.size}\n${body.root.toString('base64')}\n`;
}

export function parseCheckpointText(text: string): CheckpointBody | null {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') return null;
  const [origin, size, root] = lines as [string, string, string];
  const rootBytes = Buffer.from(root, 'base64');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size) || rootBytes.length !== 32 || rootBytes.toString('base64') !== root) return null;
  if (lines.slice(3, -1).some((extension) => extension === '')) return null;
  return { origin, size: Number(size), root: rootBytes };
}
