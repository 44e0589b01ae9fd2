import { hash as oneShotHash } from 'node:crypto';

/**
 * The ledger's hash chain, as a pure module: no database, no clock. The same code checks a chain
 * here, in the CLI, and (later) on a central server that receives uploads keyed by kiosk id and
 * sequence number.
 *
 * Encoding (version 1) — unambiguous because every field is typed and length-prefixed:
 *   "inleverpunt-ledger-v1\n" then the fields of `HEADER_FIELDS`, in that order, each as
 *     0x00                                  NULL
 *     0x01 u32be(byteLength) utf8-bytes     text
 *     0x02 u32be(high) u32be(low)           non-negative integer
 *     0x03 u32be(byteLength) bytes          blob
 *   event hash = SHA-256(encoding). The payload's text is not in the encoding, its SHA-256 is:
 *   erasing the text (AVG retention) leaves every event hash intact.
 */
export const HEADER_FIELDS = [
  'seq',
  'eventId',
  'kioskId',
  'occurredAt',
  'type',
  'actor',
  'custodian',
  'deviceId',
  'pupilId',
  'locationId',
  'pouchId',
  'voidsSeq',
  'details',
  'payloadHash',
  'prevHash',
] as const;

export type FieldValue = string | number | Uint8Array | null;

export interface EventHeader {
  seq: number;
  eventId: string;
  kioskId: string;
  /** UTC, ISO 8601 with milliseconds. */
  occurredAt: string;
  type: string;
  /** A staff id, 'pupil' or 'system'. */
  actor: string;
  custodian: string | null;
  deviceId: string | null;
  pupilId: string | null;
  locationId: string | null;
  pouchId: string | null;
  voidsSeq: number | null;
  /** Canonical JSON of non-personal detail. */
  details: string;
  payloadHash: Uint8Array | null;
  prevHash: Uint8Array;
}

/** The previous hash of the first event. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

const DOMAIN = Buffer.from('inleverpunt-ledger-v1\n', 'utf8');
const TWO_32 = 2 ** 32;

/** One growable buffer, reused: verify hashes a million events without a million allocations. */
class Encoder {
  private buf = Buffer.allocUnsafe(1024);
  private pos = 0;

  reset(): void {
    this.pos = 0;
    this.ensure(DOMAIN.length);
    DOMAIN.copy(this.buf, 0);
    this.pos = DOMAIN.length;
  }

  field(value: FieldValue | undefined): void {
    if (value === null || value === undefined) {
      this.ensure(1);
      this.buf[this.pos++] = 0x00;
    } else if (typeof value === 'string') {
      this.ensure(5 + value.length * 3);
      this.buf[this.pos] = 0x01;
      const written = this.buf.write(value, this.pos + 5, 'utf8');
      this.buf.writeUInt32BE(written, this.pos + 1);
      this.pos += 5 + written;
    } else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('ledger integers are non-negative and safe');
      this.ensure(9);
      this.buf[this.pos] = 0x02;
      this.buf.writeUInt32BE(Math.floor(value / TWO_32), this.pos + 1);
      this.buf.writeUInt32BE(value >>> 0, this.pos + 5);
      this.pos += 9;
    } else {
      this.ensure(5 + value.length);
      this.buf[this.pos] = 0x03;
      this.buf.writeUInt32BE(value.length, this.pos + 1);
      this.buf.set(value, this.pos + 5);
      this.pos += 5 + value.length;
    }
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}

const shared = new Encoder();

/**
 * Hashes the header fields given in `HEADER_FIELDS` order, read from `row` starting at `offset`.
 * The fast path for verification, which reads rows as arrays in exactly that column order.
 */
export function hashFieldRow(row: readonly unknown[], offset = 0): Buffer {
  shared.reset();
  for (let i = 0; i < HEADER_FIELDS.length; i++) shared.field(row[offset + i] as FieldValue);
  return oneShotHash('sha256', shared.bytes(), 'buffer');
}

export function headerToFields(header: EventHeader): FieldValue[] {
  return HEADER_FIELDS.map((name) => header[name]);
}

/** The exact bytes an event's hash covers (a copy): for tests and for a server re-checking uploads. */
export function encodeEvent(header: EventHeader): Buffer {
  const encoder = new Encoder();
  encoder.reset();
  for (const value of headerToFields(header)) encoder.field(value);
  return Buffer.from(encoder.bytes());
}

export function hashEvent(header: EventHeader): Buffer {
  return hashFieldRow(headerToFields(header));
}

export function hashPayload(body: string): Buffer {
  return oneShotHash('sha256', body, 'buffer');
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * JSON with keys sorted at every level and undefined members left out, so the same detail always
 * gives the same bytes (and the same hash) whichever code path built it.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
}
