import { isEventType, type EventType } from '../../shared/contract/eventTypes';

/**
 * `('handed_in', 'returned', …)` for an SQL `IN`, built from the contract's vocabulary so no query
 * keeps its own list. Inlined rather than bound so each query stays one cached statement; safe
 * because only the vocabulary's own names (lower case and underscores) get through.
 */
export function sqlTypeList(types: readonly EventType[]): string {
  if (types.length === 0) throw new Error('sqlTypeList: no event types');
  for (const type of types) {
    if (!isEventType(type) || !/^[a-z_]+$/.test(type)) throw new Error(`sqlTypeList: not an event type: ${String(type)}`);
  }
  return `(${types.map((type) => `'${type}'`).join(', ')})`;
}
