import { randomFillSync } from 'node:crypto';

/**
 * Event ids are UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The
 * `event_id` column has a unique index; random (v4) ids land on a random page of that index on
 * every scan, so at a board's millions of events each scan read and rewrote a cold index page.
 * Time-ordered ids all go to the index's last page. Still globally unique for a central database
 * (74 random bits per millisecond per kiosk), and the id is hashed into the chain like any text.
 */
export function newEventId(now: Date): string {
  const bytes = Buffer.from(randomBytes16());
  const ms = now.getTime();
  bytes.writeUIntBE(Math.max(0, Math.min(ms, 2 ** 48 - 1)), 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// One system call fills random bytes for 256 ids (a call per id was a few µs of every scan).
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;
function randomBytes16(): Buffer {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  return pool.subarray(16 * next, 16 * ++next);
}
