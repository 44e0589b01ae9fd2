/**
 * The reason a `payload_redacted` record gives for events a kiosk took back from the board's
 * central database after a restore: the centre holds payload hashes, never their texts, so those
 * events came back with their payload erased. The screens say so beside such an event.
 */
export const TAKEN_BACK_WITHOUT_PAYLOAD = 'taken_back_without_payload';

/**
 * The seqs that `payload_redacted` records with that reason name, from events as the event list
 * gives them (details parsed): `details.seqs` holds inclusive [from, to] ranges.
 */
export function takenBackSeqs(events: readonly { type: string; details: Record<string, unknown> }[]): Set<number> {
  const seqs = new Set<number>();
  for (const e of events) {
    if (e.type !== 'payload_redacted' || e.details.reason !== TAKEN_BACK_WITHOUT_PAYLOAD || !Array.isArray(e.details.seqs)) continue;
    for (const range of e.details.seqs as unknown[]) {
      if (!Array.isArray(range) || range.length !== 2) continue;
      const [from, to] = range as unknown[];
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (to as number) - (from as number) > 1_000_000) continue;
      for (let s = from as number; s <= (to as number); s++) seqs.add(s);
    }
  }
  return seqs;
}
