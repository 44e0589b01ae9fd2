import type { RegistryEntity, RegistryState } from './state';

/**
 * One way the registry tables differ from the ledger, by id and field name only: the report is
 * shown and logged, so it never carries a name or any other value.
 *   unrecorded: a row the ledger never registered (inserted behind the kiosk's back)
 *   missing:    a row the ledger registered that is gone from its table
 *   differs:    a field of the row is not what the ledger's last event about it says
 */
export interface RegistryDifference {
  entity: RegistryEntity;
  id: string;
  problem: 'unrecorded' | 'missing' | 'differs';
  /** For `differs`: the field (e.g. `deviceId`, `ownerPupilId`, `personal`). */
  field?: string;
}

/**
 * Personal fields are compared only while the ledger still knows them (`null` after erasure);
 * everything else always.
 */
export function compareRegistry(ledger: RegistryState, tables: RegistryState): RegistryDifference[] {
  const out: RegistryDifference[] = [];
  for (const entity of Object.keys(ledger) as RegistryEntity[]) {
    const expected = ledger[entity] as Map<string, object>;
    const actual = tables[entity] as Map<string, object>;
    for (const [id, want] of expected) {
      const have = actual.get(id);
      if (!have) {
        out.push({ entity, id, problem: 'missing' });
        continue;
      }
      for (const field of Object.keys(want)) {
        const w = (want as Record<string, unknown>)[field];
        if (w === null && PERSONAL_FIELDS.has(field)) continue;
        if (!sameValue(w, (have as Record<string, unknown>)[field])) out.push({ entity, id, problem: 'differs', field });
      }
    }
    for (const id of actual.keys()) if (!expected.has(id)) out.push({ entity, id, problem: 'unrecorded' });
  }
  return out;
}

const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['personal', 'description', 'name', 'displayName']);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
