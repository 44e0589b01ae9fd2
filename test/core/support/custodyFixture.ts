import { openCore, type Core } from '../../../src/core';
import type { Services } from '../../../src/core/services';
import type { Device } from '../../../src/core/services/devices';
import type { Location, Pouch } from '../../../src/core/services/locations';
import type { Pupil } from '../../../src/core/services/pupils';
import type { StaffSummary } from '../../../src/core/services/staff';
import { tempDir } from '../../support/tempDb';

/** A clock the test moves by hand. */
export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
  set(iso: string): void;
}

export function fakeClock(start = '2025-09-01T07:45:00.000Z'): FakeClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (iso) => {
      t = Date.parse(iso);
    },
  };
}

/** Cheap scrypt for tests: the PIN logic is the same, only the cost differs. */
export const TEST_PIN_COST = { N: 1024, r: 8, p: 1 };

export const PINS = { admin: '999999', teacher: '1234', witness: '5678', office: '246802' } as const;

export interface ClassFixture {
  core: Core;
  s: Services;
  clock: FakeClock;
  dbPath: string;
  admin: StaffSummary;
  teacher: StaffSummary;
  witness: StaffSummary;
  office: StaffSummary;
  bag: Location;
  safe: Location;
  pupils: Pupil[];
  pouches: Pouch[];
  /** One smartphone per pupil, with sticker code `STK-<n>`. */
  phones: Device[];
  reopen(): ClassFixture;
  close(): void;
}

/**
 * A kiosk with a class 7B of `size` pupils, each with a pouch in the class phone bag (with pouch
 * tag `POUCH-<n>`), a phone with sticker `STK-<n>`; staff: admin, teacher, witness, office.
 */
export function classFixture(options: { size?: number; dbPath?: string } = {}): ClassFixture {
  const tmp = options.dbPath ? undefined : tempDir();
  const dbPath = options.dbPath ?? (tmp as ReturnType<typeof tempDir>).dbPath;
  const clock = fakeClock();
  const core = openCore({ dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
  const s = core.services;
  const admin = s.createStaff({ displayName: 'Beheerder', role: 'admin', pin: PINS.admin, actor: 'system' });
  const teacher = s.createStaff({ displayName: 'Juf Anna', role: 'teacher', pin: PINS.teacher, actor: admin.staffId });
  const witness = s.createStaff({ displayName: 'Meester Bas', role: 'teacher', pin: PINS.witness, actor: admin.staffId });
  const office = s.createStaff({ displayName: 'Administratie', role: 'office', pin: PINS.office, actor: admin.staffId });
  const bag = s.createLocation({ kind: 'phone_bag', name: 'Telefoontas 7B' }, office.staffId);
  const safe = s.createLocation({ kind: 'office_safe', name: 'Kluis kantoor' }, office.staffId);
  const pupils: Pupil[] = [];
  const pouches: Pouch[] = [];
  const phones: Device[] = [];
  for (let n = 1; n <= (options.size ?? 3); n++) {
    const pupil = s.createPupil(
      { roepnaam: `Kind${n}`, achternaam: `Achternaam${n}`, groep: '7B', jaargroep: 7, externalKey: `EXT-${n}` },
      office.staffId,
    );
    const pouch = s.createPouch({ locationId: bag.locationId, number: n, pupilId: pupil.pupilId }, office.staffId);
    s.assignTag({ kind: 'pouch', raw: `POUCH-${n}`, pouchId: pouch.pouchId }, office.staffId);
    const phone = s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartphone', description: `telefoon ${n}` }, office.staffId);
    s.assignTag({ kind: 'device_sticker', raw: `STK-${n}`, deviceId: phone.deviceId }, office.staffId);
    pupils.push(pupil);
    pouches.push(pouch);
    phones.push(phone);
  }
  const fixture: ClassFixture = {
    core,
    s,
    clock,
    dbPath,
    admin,
    teacher,
    witness,
    office,
    bag,
    safe,
    pupils,
    pouches,
    phones,
    reopen() {
      core.close();
      const again = openCore({ dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
      return { ...fixture, core: again, s: again.services, close: () => (again.close(), tmp?.cleanup()) };
    },
    close() {
      if (core.db.open) core.close();
      tmp?.cleanup();
    },
  };
  return fixture;
}

/** Runs `fn` and returns the AppError code it threw (or 'none'). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

export function errorOf(fn: () => unknown): { code: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; details?: Record<string, unknown> };
  }
  throw new Error('expected an error');
}
