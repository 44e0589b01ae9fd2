import type { LedgerWriter } from '../ledger/append';
import { recordRegistryBaseline } from './baseline';
import { checkRegistry, type RegistryCheck } from './check';

export interface RegistryAtStart {
  check: RegistryCheck | null;
  /** Baseline events recorded at this start (an older kiosk's first start with this version). */
  baselineEvents: number;
  /** The check could not read the ledger or the tables: the database is treated as damaged. */
  unreadable: boolean;
}

/**
 * After the chain verified: record the baseline if this is an older kiosk's first start, then
 * compare the registry tables with the ledger. Only on a chain that verified, because the baseline
 * appends to it.
 */
export function registryAtStart(writer: LedgerWriter): RegistryAtStart {
  try {
    const baselineEvents = recordRegistryBaseline(writer);
    return { check: checkRegistry(writer.db, writer.kioskId), baselineEvents, unreadable: false };
  } catch {
    return { check: null, baselineEvents: 0, unreadable: true };
  }
}
