import { randomUUID } from 'node:crypto';
import type { LedgerEvent } from '../../../../src/core/ledger/events';
import { GENESIS_HASH, hashEvent, type EventHeader } from '../../../../src/core/ledger/hash';

/**
 * A kiosk's chain made without a kiosk: hashed and linked exactly as `appendEvent` does, fast
 * enough for millions of events (the bench) and varied enough for the hash tests.
 */
export function syntheticChain(kioskId: string, count: number, options: { from?: { seq: number; hash: Buffer }; day?: string } = {}): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let prev = options.from?.hash ?? GENESIS_HASH;
  const first = (options.from?.seq ?? 0) + 1;
  const start = Date.parse(options.day ?? '2026-09-01T06:00:00.000Z');
  for (let seq = first; seq < first + count; seq++) {
    const header: EventHeader = {
      encoding: 2,
      seq,
      eventId: `${kioskId.slice(0, 8)}-${String(seq).padStart(10, '0')}`,
      kioskId,
      occurredAt: new Date(start + seq * 1000).toISOString(),
      type: seq % 2 ? 'handed_in' : 'returned',
      actor: 'pupil',
      custodian: seq % 2 ? 'school' : 'pupil',
      deviceId: `dev-${seq % 30}`,
      pupilId: `pup-${seq % 30}`,
      locationId: 'loc-1',
      pouchId: null,
      voidsSeq: null,
      details: '{}',
      payloadHash: null,
      prevHash: prev,
    };
    const hash = hashEvent(header);
    events.push({ ...header, type: header.type as LedgerEvent['type'], hash });
    prev = hash;
  }
  return events;
}

export const newKioskId = (): string => randomUUID();
