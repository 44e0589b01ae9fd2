import { admits, type StaffAccess } from '../../shared/contract/access';
import type { StaffSummary } from '../../shared/contract/custody';
import type { Area } from './router';

export type StaffArea = Exclude<Area, 'door'>;
type Role = StaffSummary['role'];

/**
 * Which access level of the contract each staff area is for: an area opens for the roles whose
 * calls the core would let through anyway, so no one sees a screen full of refusals.
 */
const areaAccess: Record<StaffArea, StaffAccess> = { teacher: 'teacher', office: 'office', settings: 'admin' };

export const mayEnter = (area: StaffArea, role: Role): boolean => admits(areaAccess[area], role);

/** Where a staff member's own work is: a PIN typed at "Leerkracht" opens it. */
export function homeArea(role: Role): StaffArea {
  if (role === 'office') return 'office';
  return role === 'admin' ? 'settings' : 'teacher';
}
