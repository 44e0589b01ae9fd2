import { HEADER_FIELDS, type EventHeader } from '../ledger/hash';

/**
 * The evidence bundle, one file of JSON Lines (format `inleverpunt-bundle/v1`), read by
 * `readBundle`/`verifyBundle` here, by `tools/verify-bundle.mjs` without Inleverpunt, and later by
 * the central server. The README's "Evidence bundles" section is the reader's specification.
 *
 *   header    {"bundle":"inleverpunt-bundle/v1","origin","kioskId","verifierKey","madeAt","filter","checkpoint","sealedBy"?}
 *   event     {"leaf":seq-1,"hash":hex,"event":{encoding + the 15 hashed fields},"payload"?:{salt,body}|null}
 *   subtree   {"subtree":{"leaf","size","hash"}}: stands in for `size` leaves the filter left out
 *   consistency {"consistency":{"note":earlier checkpoint,"size","path":[hex…]}} (RFC 9162 2.1.4)
 *   end       {"end":{"events","subtrees","seal"}}: the seal is a note the kiosk signed over the
 *             SHA-256 of every byte before the end line, so no line can be left out or added.
 *             A bundle rebuilt from the central database (`sealedBy: "witness"`) is sealed by the
 *             board's witness key instead: the centre never holds a kiosk's private key.
 *
 * Why subtrees rather than one inclusion proof per event: the events a filter picks are runs of
 * the chain with gaps between them. One RFC 9162 inclusion proof per event would repeat
 * log2(n) hashes per event (20 at a million) and cost a reader 20 hashes per event; the gaps as
 * aligned subtrees (a compact range, as transparency-dev calls it) are a single multi-leaf
 * inclusion proof of O(gaps × log n) hashes, checked in the same one pass that builds the root,
 * and an unfiltered bundle needs none at all. The chain (prevHash) is checked where events are
 * consecutive. Other pupils' events are never in the file, only the roots of subtrees over them.
 */
export const BUNDLE_FORMAT = 'inleverpunt-bundle/v1';
/** First line of the seal note's text: a checkpoint parser reads it as a foreign origin, never as this log's. */
export const SEAL_FORMAT = 'inleverpunt-bundle-seal/v1';

export interface BundleHeader {
  bundle: typeof BUNDLE_FORMAT;
  origin: string;
  kioskId: string;
  /** The kiosk's verifier key as the exporter knew it: a reader should pin their own copy. */
  verifierKey: string;
  madeAt: string;
  filter: Record<string, unknown>;
  /** The signed checkpoint (a C2SP signed note) the bundle proves its events against. */
  checkpoint: string;
  /**
   * Who signed the seal: absent (or "kiosk") for the kiosk's own export, "witness" for a bundle
   * the central database rebuilt, sealed with the witness's key as a plain signed-note key (0x01).
   * The events still prove themselves against the kiosk-signed checkpoint either way.
   */
  sealedBy?: BundleSealer;
}

export const BUNDLE_SEALERS = ['kiosk', 'witness'] as const;
export type BundleSealer = (typeof BUNDLE_SEALERS)[number];

/** An event's hashed fields as JSON: texts and integers as they are, blobs as lowercase hex. */
export type BundleEventFields = {
  [K in keyof EventHeader]: EventHeader[K] extends Uint8Array ? string : EventHeader[K] extends Uint8Array | null ? string | null : EventHeader[K];
};

export interface BundlePayload {
  salt: string | null;
  body: string;
}

export interface BundleEventLine {
  leaf: number;
  hash: string;
  event: BundleEventFields;
  /** Present when the event has a payload: its text and salt, or null once retention erased it. */
  payload?: BundlePayload | null;
}

export interface BundleSubtree {
  leaf: number;
  size: number;
  hash: string;
}

export interface BundleConsistency {
  /** The earlier checkpoint the exporter was given, as a signed note. */
  note: string;
  size: number;
  path: string[];
}

export interface BundleEnd {
  events: number;
  subtrees: number;
  seal: string;
}

export function eventFields(header: EventHeader): BundleEventFields {
  const hex = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('hex'));
  return {
    encoding: header.encoding,
    seq: header.seq,
    eventId: header.eventId,
    kioskId: header.kioskId,
    occurredAt: header.occurredAt,
    type: header.type,
    actor: header.actor,
    custodian: header.custodian,
    deviceId: header.deviceId,
    pupilId: header.pupilId,
    locationId: header.locationId,
    pouchId: header.pouchId,
    voidsSeq: header.voidsSeq,
    details: header.details,
    payloadHash: hex(header.payloadHash),
    prevHash: hex(header.prevHash) as string,
  };
}

const BLOB_FIELDS = new Set(['payloadHash', 'prevHash']);
const INT_FIELDS = new Set(['seq', 'voidsSeq']);
const NULLABLE = new Set(['custodian', 'deviceId', 'pupilId', 'locationId', 'pouchId', 'voidsSeq', 'payloadHash']);
const HEX = /^(?:[0-9a-f]{2})*$/;
// Each field's kind looked up once, not three set lookups per field per event.
const KINDS = HEADER_FIELDS.map((name) => ({ name, int: INT_FIELDS.has(name), blob: BLOB_FIELDS.has(name), nullable: NULLABLE.has(name) }));

/** The event header a line carries, or null when a field has the wrong type: the shape, checked before any hash. */
export function headerFromFields(fields: unknown): EventHeader | null {
  if (typeof fields !== 'object' || fields === null) return null;
  const f = fields as Record<string, unknown>;
  if (!Number.isSafeInteger(f.encoding)) return null;
  const out: Record<string, unknown> = { encoding: f.encoding };
  for (const { name, int, blob, nullable } of KINDS) {
    const v = f[name];
    if (v === null && nullable) out[name] = null;
    else if (int) {
      if (!Number.isSafeInteger(v) || (v as number) < 0) return null;
      out[name] = v;
    } else if (typeof v !== 'string') return null;
    else if (blob) {
      if (!HEX.test(v)) return null;
      out[name] = Buffer.from(v, 'hex');
    } else out[name] = v;
  }
  return out as unknown as EventHeader;
}

/**
 * Whether a line's event fields have the types headerFromFields asks for, without building the
 * header: the verifier hashes the fields as they are (blobs as hex, see hashHexFields).
 */
export function isEventFields(fields: unknown): fields is BundleEventFields {
  if (typeof fields !== 'object' || fields === null) return false;
  const f = fields as Record<string, unknown>;
  if (!Number.isSafeInteger(f.encoding)) return false;
  for (const { name, int, blob, nullable } of KINDS) {
    const v = f[name];
    if (v === null && nullable) continue;
    if (int) {
      if (!Number.isSafeInteger(v) || (v as number) < 0) return false;
    } else if (typeof v !== 'string' || (blob && !HEX.test(v))) return false;
  }
  return true;
}

/** The seal note's text: format, origin, and the base64 SHA-256 of the bytes before the end line. */
export function sealText(origin: string, digest: Buffer): string {
  return `${SEAL_FORMAT}\n${origin}\n${digest.toString('base64')}\n`;
}
