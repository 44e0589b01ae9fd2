import type { Db } from '../db/open';
import { prepared } from '../db/statements';

/**
 * Removes a pupil's names and administration key from the pupil list, and the descriptions of
 * their devices, in the caller's transaction, right after the ledger erased the same texts from
 * its payloads: the registry check compares personal fields only while the ledger still knows
 * them, so the projection still agrees. The row itself stays (ids, group, year, inactive): the
 * ledger's events refer to it.
 */
export function anonymisePupilRow(db: Db, pupilId: string): number {
  const pupil = prepared(
    db,
    `UPDATE pupils SET roepnaam = '', voorvoegsel = '', achternaam = '', external_key = NULL
     WHERE pupil_id = ? AND (roepnaam <> '' OR voorvoegsel <> '' OR achternaam <> '' OR external_key IS NOT NULL)`,
  ).run(pupilId).changes;
  const devices = prepared(db, "UPDATE devices SET description = '' WHERE owner_pupil_id = ? AND description <> ''").run(pupilId).changes;
  return pupil + devices;
}
