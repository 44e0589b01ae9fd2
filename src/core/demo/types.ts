import type { DeviceKind } from '../services/devices';
import type { StaffRole } from '../services/staff';
import type { TagKind } from '../services/tags';

// The demo school's shape, shared by the seed and its history, so neither imports the other.

/**
 * The demo school's fixed PINs (documented in the README). Only for trying the app out: a real
 * school's staff choose their own.
 */
export const DEMO_PINS = {
  teacher7A: '1111',
  teacher8B: '2222',
  witness: '3333',
  office: '444444',
  admin: '999999',
} as const;
export type DemoStaffKey = keyof typeof DEMO_PINS;

export interface DemoStaff {
  staffId: string;
  displayName: string;
  role: StaffRole;
  pin: string;
}

export interface DemoPupil {
  pupilId: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  /** "Daan van Dijk" */
  name: string;
  groep: string;
  jaargroep: number;
  pouchNumber: number;
  deviceIds: string[];
}

export interface DemoDevice {
  deviceId: string;
  kind: DeviceKind;
  description: string;
  pupilId: string;
  pupilName: string;
}

export interface DemoTag {
  /** What a scanner delivers for this tag (own codes with their check character; NFC UIDs in canonical hex). */
  code: string;
  kind: TagKind;
  revoked: boolean;
  pupilName?: string;
  deviceDescription?: string;
  deviceId?: string;
  pupilId?: string;
  pouchNumber?: number;
  groep?: string;
}

export interface DemoGroup {
  groep: string;
  jaargroep: number;
  teacherKey: DemoStaffKey;
  bagLocationId: string;
}

export interface DemoSchool {
  seed: number;
  /** The moment the history leads up to (ISO). */
  now: string;
  groups: DemoGroup[];
  pupils: DemoPupil[];
  devices: DemoDevice[];
  staff: Record<DemoStaffKey, DemoStaff>;
  locations: { officeSafe: string; schoolLeader: string; bags: Record<string, string> };
  tags: DemoTag[];
  /** Every event in the ledger once seeded (registrations and history), counted from the ledger. */
  events: number;
  /** What the two weeks of history wrote; null when seeded without history. */
  history: { schoolDays: string[]; events: number } | null;
}


/** A clock the seed moves by hand, so every event carries a realistic school-day time. */
export interface SeedClock {
  now: () => Date;
  set(instant: Date): void;
  tick(seconds: number): void;
}
