import { hash as oneShotHash, randomBytes } from 'node:crypto';

/**
 * The ledger's hash chain, as a pure module: no database, no clock. The same code checks a chain
 * here, in the CLI, and (later) on a central server that receives uploads keyed by kiosk id and
 * sequence number.
 *
 * Encoding — unambiguous because every field is typed and length-prefixed:
 *   "inleverpunt-ledger-v<encoding>\n" then the fields of `HEADER_FIELDS`, in that order, each as
 *     0x00                                  NULL
 *     0x01 u32be(byteLength) utf8-bytes     text
 *     0x02 u32be(high) u32be(low)           non-negative integer
 *     0x03 u32be(byteLength) bytes          blob
 *   event hash = SHA-256(encoding). The payload's text is not in the encoding, its hash is:
 *   erasing the text (AVG retention) leaves every event hash intact.
 *
 * Versions (stored per event; the domain line makes a changed version a changed hash):
 *   1  payload hash = SHA-256(text). Kept only to verify events written before version 2: after
 *      erasure the hash still confirms a guessed name or note.
 *   2  payload hash = SHA-256("inleverpunt-payload-v2\n" 0x03 u32be(16+) salt 0x01 u32be(n) text),
 *      the salt random per payload and stored in the payload row, so erasing the row erases the
 *      salt too and the hash left in the chain can no longer be tested against a guess.
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
  /** The ledger encoding version this event was hashed with (see above). */
  encoding: number;
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

/** What `appendEvent` writes; older versions are only verified. */
export const LEDGER_ENCODING = 2;
export const KNOWN_ENCODINGS: ReadonlySet<unknown> = new Set([1, 2]);
/** Bytes of random salt per payload (version 2). */
export const PAYLOAD_SALT_BYTES = 16;

const EVENT_DOMAINS: readonly Buffer[] = [1, 2].map((v) => Buffer.from(`inleverpunt-ledger-v${v}\n`, 'utf8'));
const PAYLOAD_DOMAIN = Buffer.from('inleverpunt-payload-v2\n', 'utf8');

function eventDomain(encoding: number): Buffer {
  const domain = KNOWN_ENCODINGS.has(encoding) ? EVENT_DOMAINS[encoding - 1] : undefined;
  if (!domain) throw new RangeError(`unknown ledger encoding ${encoding}`);
  return domain;
}
const TWO_32 = 2 ** 32;

/**
 * SHA-256 of `data` as a Buffer. On Node 24 crypto.hash costs a third as much when it returns a
 * string as when it returns a Buffer (0.36 against 1.02 µs for 33 bytes): the digest comes back
 * as 'binary' (latin1) text, one character a byte, and is copied into a Buffer here: half the cost. See test/bench/bundles.ts.
 */
export function sha256(data: Uint8Array | string): Buffer {
  return Buffer.from(oneShotHash('sha256', data, 'binary'), 'binary');
}

/**
 * One growable buffer, reused: verify hashes a million events without a million allocations.
 * Lengths are written byte by byte rather than with writeUInt32BE, whose checks cost more than
 * the store (a third of an event's encoding, measured in test/bench/bundles.ts).
 */
class Encoder {
  private buf = Buffer.allocUnsafe(1024);
  private pos = 0;

  reset(domain: Buffer): void {
    this.pos = 0;
    this.ensure(domain.length);
    domain.copy(this.buf, 0);
    this.pos = domain.length;
  }

  field(value: FieldValue | undefined): void {
    if (value === null || value === undefined) {
      this.ensure(1);
      this.buf[this.pos++] = 0x00;
    } else if (typeof value === 'string') {
      this.ensure(5 + value.length * 3);
      const at = this.pos;
      this.buf[at] = 0x01;
      const written = this.buf.write(value, at + 5, 'utf8');
      this.u32(at + 1, written);
      this.pos = at + 5 + written;
    } else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('ledger integers are non-negative and safe');
      this.ensure(9);
      const at = this.pos;
      this.buf[at] = 0x02;
      this.u32(at + 1, Math.floor(value / TWO_32));
      this.u32(at + 5, value >>> 0);
      this.pos = at + 9;
    } else {
      this.ensure(5 + value.length);
      const at = this.pos;
      this.buf[at] = 0x03;
      this.u32(at + 1, value.length);
      this.buf.set(value, at + 5);
      this.pos = at + 5 + value.length;
    }
  }

  /** A blob given as lowercase hex the caller has checked: written straight in, no Buffer between. */
  hexBlob(hex: string): void {
    this.ensure(5 + hex.length / 2);
    const at = this.pos;
    this.buf[at] = 0x03;
    const written = this.buf.write(hex, at + 5, 'hex');
    this.u32(at + 1, written);
    this.pos = at + 5 + written;
  }

  hexBlobOrNull(value: FieldValue): void {
    if (typeof value === 'string') this.hexBlob(value);
    else this.field(value);
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** Big-endian, in place (the caller made room). */
  private u32(at: number, value: number): void {
    const buf = this.buf;
    buf[at] = value >>> 24;
    buf[at + 1] = (value >>> 16) & 0xff;
    buf[at + 2] = (value >>> 8) & 0xff;
    buf[at + 3] = value & 0xff;
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
 * Hashes the header fields given in `HEADER_FIELDS` order, read from `row` starting at `offset`,
 * with the given encoding version. The fast path for verification, which reads rows as arrays in
 * exactly that column order.
 */
export function hashFieldRow(row: readonly unknown[], encoding: number, offset = 0): Buffer {
  shared.reset(eventDomain(encoding));
  for (let i = 0; i < HEADER_FIELDS.length; i++) shared.field(row[offset + i] as FieldValue);
  return sha256(shared.bytes());
}

/**
 * The event hash as lowercase hex, from the fields as a bundle line carries them: blobs as
 * lowercase hex text (checked by the caller), the rest as in the header. The verifier's path:
 * no Buffer per blob, and the digest compared as the text the line holds.
 */
export function hashHexFields(fields: Readonly<Record<(typeof HEADER_FIELDS)[number], unknown>>, encoding: number): string {
  const f = fields as Readonly<Record<(typeof HEADER_FIELDS)[number], FieldValue>>;
  const e = shared;
  e.reset(eventDomain(encoding));
  // HEADER_FIELDS in its order, each read by its name (a line's key order is not trusted): named
  // reads rather than a loop over the names, which costs a third of the encoding at a million
  // events. test/core/ledger/hash.test.ts holds this to hashEvent.
  e.field(f.seq);
  e.field(f.eventId);
  e.field(f.kioskId);
  e.field(f.occurredAt);
  e.field(f.type);
  e.field(f.actor);
  e.field(f.custodian);
  e.field(f.deviceId);
  e.field(f.pupilId);
  e.field(f.locationId);
  e.field(f.pouchId);
  e.field(f.voidsSeq);
  e.field(f.details);
  e.hexBlobOrNull(f.payloadHash);
  e.hexBlobOrNull(f.prevHash);
  return oneShotHash('sha256', e.bytes(), 'hex');
}

export function headerToFields(header: EventHeader): FieldValue[] {
  return HEADER_FIELDS.map((name) => header[name]);
}

/** The exact bytes an event's hash covers (a copy): for tests and for a server re-checking uploads. */
export function encodeEvent(header: EventHeader): Buffer {
  const encoder = new Encoder();
  encoder.reset(eventDomain(header.encoding));
  for (const value of headerToFields(header)) encoder.field(value);
  return Buffer.from(encoder.bytes());
}

export function hashEvent(header: EventHeader): Buffer {
  return hashFieldRow(headerToFields(header), header.encoding);
}

/** A fresh salt for one payload: never reused, never derived, so nothing else can recreate it. */
export function newPayloadSalt(): Buffer {
  return randomBytes(PAYLOAD_SALT_BYTES);
}

/**
 * The payload hash an event of `encoding` carries for `body`, or undefined when the stored parts
 * cannot give one (a version-2 payload without its salt, a salt on a version-1 payload, an
 * unknown version): verify reports that as a payload that no longer matches.
 */
export function hashPayload(encoding: number, body: string, salt: Uint8Array | null): Buffer | undefined {
  if (encoding === 1) return salt === null ? sha256(body) : undefined;
  if (encoding !== 2 || salt === null || salt.length < PAYLOAD_SALT_BYTES) return undefined;
  shared.reset(PAYLOAD_DOMAIN);
  shared.field(salt);
  shared.field(body);
  return sha256(shared.bytes());
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * JSON with keys sorted at every level and undefined members left out, so the same detail always
 * gives the same bytes (and the same hash) whichever code path built it.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // A loop rather than filter/map/join: every event's details pass here, on the scan path too.
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const k of keys) {
    const member = value[k];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}
