import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LedgerEvent } from '../ledger/events';
import { GENESIS_HASH } from '../ledger/hash';
import { COPY_COLUMNS, copyLine } from './copyText';

/**
 * One COPY per batch: PostgreSQL's fastest way in, and its arrival triggers fire for COPY as for
 * INSERT (each row checked for a resend, the whole batch for hash, seq and previous hash). Returns
 * how many rows were new: rows already stored with the same hash are skipped by the database.
 */
export async function appendEvents(client: ClientBase, events: readonly LedgerEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return appendCopyText(client, sorted.map(copyLine).join(''));
}

/** The upload as it goes over the wire: lines made by `copyLine`, one COPY. */
export async function appendCopyText(client: ClientBase, lines: string): Promise<number> {
  const stream = client.query(copyFrom(`COPY central.events (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([lines]), stream);
  return stream.rowCount;
}

export interface CentralHead {
  seq: number;
  hash: Buffer;
}

export async function centralHead(client: ClientBase, kioskId: string): Promise<CentralHead> {
  const r = await client.query<{ seq: string; hash: Buffer }>(
    'SELECT seq, hash FROM central.chain_head($1)',
    [kioskId],
  );
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Why the database refused an event or a checkpoint (SQLSTATEs of the central schema's triggers). */
export type Refusal = 'bad_hash' | 'fork' | 'not_next' | 'checkpoint_conflict' | 'append_only' | 'not_this_kiosk';

export function refusalOf(error: unknown): Refusal | undefined {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'IL001':
      return 'bad_hash';
    case 'IL002':
      return 'fork';
    case 'IL003':
      return 'not_next';
    case 'IL004':
      return 'checkpoint_conflict';
    case 'IL005':
      return 'append_only';
    case '42501': // row-level security: another kiosk's row
      return 'not_this_kiosk';
    default:
      return undefined;
  }
}

/** The seq a refusal names (from its DETAIL: "kiosk K seq N"), if any. */
export function refusedSeq(error: unknown): number | undefined {
  const match = /seq (\d+)|tree size (\d+)/.exec((error as { detail?: string })?.detail ?? '');
  return match ? Number(match[1] ?? match[2]) : undefined;
}
