import type { Db } from '../db/open';
import { countEvents } from '../ledger/rows';

/** Whether a school already lives in this database: the demo is only ever seeded into an empty one. */
export function holdsSchoolData(db: Db): boolean {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return countEvents(db) + count('pupils') + count('staff') + count('devices') > 0;
}
