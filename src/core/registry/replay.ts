import { eventTypesIn } from '../../shared/contract/eventTypes';
import type { Db } from '../db/open';
import { MAX_PAGE, readEvents } from '../ledger/readModel';
import { emptyRegistry, reduceRegistry, type RegistryState } from './state';

/** The registration types, in the vocabulary's order. */
export const registryEventTypes = eventTypesIn('registry');

/**
 * The registry as a kiosk's chain says it must be: every registration event of that chain, oldest
 * first, folded. Registration events cannot be voided (a correction voids custody facts only), so
 * none is skipped. Paged through the ledger's read model; it walks the kiosk's own chain by its
 * key (SQLite prefers that to any index on type here), a few ms for a year of a classroom's
 * events, and never the other kiosks' chains of an office database.
 */
export function replayRegistry(db: Db, kioskId: string): { state: RegistryState; events: number } {
  let state = emptyRegistry();
  let events = 0;
  let afterSeq = 0;
  for (;;) {
    const page = readEvents(db, { kioskId, types: registryEventTypes, order: 'oldest-first', afterSeq, limit: MAX_PAGE });
    for (const e of page.events) state = reduceRegistry(state, e);
    events += page.events.length;
    if (page.next === null) return { state, events };
    afterSeq = page.next;
  }
}
