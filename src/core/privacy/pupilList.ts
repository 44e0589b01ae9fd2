import type { Db } from '../db/open';
import { prepared } from '../db/statements';

export interface PrivacyPupilRow {
  pupilId: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  groep: string;
  active: boolean;
}

/**
 * Every pupil, those who left included (a parent may ask after their child left), minus those
 * whose names are already erased: for the office's privacy screen only.
 */
export function listPupilsForPrivacy(db: Db): PrivacyPupilRow[] {
  return prepared<{ pupil_id: string; roepnaam: string; voorvoegsel: string; achternaam: string; groep: string; active: number }>(
    db,
    `SELECT pupil_id, roepnaam, voorvoegsel, achternaam, groep, active FROM pupils
     WHERE roepnaam <> '' ORDER BY active DESC, groep, achternaam, roepnaam`,
  )
    .all()
    .map((r) => ({ pupilId: r.pupil_id, roepnaam: r.roepnaam, voorvoegsel: r.voorvoegsel, achternaam: r.achternaam, groep: r.groep, active: r.active === 1 }));
}
