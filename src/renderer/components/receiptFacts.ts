import type { CustodyOutcome, EventListItem, KioskInfo } from '../../shared/contract';

/** Everything the printed release receipt shows, gathered from the ledger's own records. */
export interface ReceiptFacts {
  school: string;
  kiosk: string;
  device: { kind: CustodyOutcome['device']['kind']; description: string };
  /**
   * The pupil's full name and group: the receipt goes to that pupil's own parent, and must leave
   * no doubt whose device came back (two "Lucas" in one group).
   */
  pupil: { name: string; groep: string } | null;
  confiscation: {
    seq: number;
    at: string;
    by: string;
    witness: string;
    reason: string | null;
    article: string | null;
    sealedBagNumber: string | null;
  } | null;
  release: {
    seq: number;
    /** The first 16 hex characters of the event's hash: enough for the office to find and check it. */
    hashPrefix: string;
    at: string;
    by: string;
    guardianName: string;
    signed: boolean;
    note: string | null;
  };
}

export interface ReceiptSources {
  kiosk: KioskInfo | null;
  released: CustodyOutcome;
  /** The `confiscated` event the release closes (from listEvents), when there was one. */
  confiscation: EventListItem | null;
  /** staffId → display name. */
  staffNames: ReadonlyMap<string, string>;
  guardianName: string;
  note: string;
  signed: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function buildReceiptFacts(src: ReceiptSources): ReceiptFacts {
  const nameOf = (staffId: unknown) => (typeof staffId === 'string' ? (src.staffNames.get(staffId) ?? '—') : '—');
  const c = src.confiscation;
  return {
    school: src.kiosk?.school ?? '',
    kiosk: src.kiosk?.name ?? '',
    device: { kind: src.released.device.kind, description: src.released.device.description },
    pupil: receiptPupil(src.released.pupil),
    confiscation: c
      ? {
          seq: c.seq,
          at: c.occurredAt,
          by: nameOf(c.actor),
          witness: nameOf(c.details.witnessStaffId),
          // The reason is personal: after a retention purge the payload is gone and the receipt says so.
          reason: str(c.payload?.reason),
          article: str(c.details.article),
          sealedBagNumber: str(c.details.sealedBagNumber),
        }
      : null,
    release: {
      seq: src.released.event.seq,
      hashPrefix: src.released.event.hash.slice(0, 16),
      at: src.released.event.occurredAt,
      by: nameOf(src.released.event.actor),
      guardianName: src.guardianName.trim(),
      signed: src.signed,
      note: str(src.note),
    },
  };
}

function receiptPupil(pupil: CustodyOutcome['pupil']): ReceiptFacts['pupil'] {
  const name = pupil?.fullName ?? pupil?.roepnaam;
  return pupil && name ? { name, groep: pupil.groep } : null;
}

/** "Basisschool De Regenboog · Groep 7A": a school without its name set gets no stray separator. */
export function receiptOrigin(facts: Pick<ReceiptFacts, 'school' | 'kiosk'>): string {
  return [facts.school.trim(), facts.kiosk.trim()].filter(Boolean).join(' · ');
}
