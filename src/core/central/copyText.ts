import type { LedgerEvent } from '../ledger/events';

/** The columns of central.events an upload fills, in the order of `copyLine`. */
export const COPY_COLUMNS = [
  'kiosk_id', 'seq', 'event_id', 'occurred_at', 'type', 'actor', 'custodian', 'device_id', 'pupil_id',
  'location_id', 'pouch_id', 'voids_seq', 'details', 'payload_hash', 'prev_hash', 'hash', 'encoding',
] as const;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const text = (v: string | null) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string));
// bytea in hex, its backslash escaped for COPY's text format.
const bytes = (v: Uint8Array | null) => (v === null ? '\\N' : `\\\\x${Buffer.from(v).toString('hex')}`);

/** One event as a line of PostgreSQL's COPY text format (tab-separated, \N for NULL), newline included. */
export function copyLine(e: LedgerEvent): string {
  return `${[
    text(e.kioskId), String(e.seq), text(e.eventId), text(e.occurredAt), text(e.type), text(e.actor), text(e.custodian),
    text(e.deviceId), text(e.pupilId), text(e.locationId), text(e.pouchId), e.voidsSeq === null ? '\\N' : String(e.voidsSeq),
    text(e.details), bytes(e.payloadHash), bytes(e.prevHash), bytes(e.hash), String(e.encoding),
  ].join('\t')}\n`;
}
