import type { Core } from '../index';
import { createServices, type Services } from '../services';
import type { DeviceKind } from '../services/devices';
import type { StaffRole } from '../services/staff';
import { resolveTag, type TagKind } from '../services/tags';
import { newOwnCode } from '../../shared/scan/codes';
import { countEvents } from '../ledger/rows';
import { seedHistory, type HistoryPlan } from './history';
import { ACHTERNAMEN, PHONES, ROEPNAMEN, WATCHES } from './names';
import { demoRandom, type DemoRandom } from './random';
import { atAmsterdam, daysBefore, schoolDaysBefore } from './schoolDays';
import { DEMO_PINS, type DemoDevice, type DemoGroup, type DemoPupil, type DemoSchool, type DemoStaff, type DemoStaffKey, type DemoTag, type SeedClock } from './types';

export { DEMO_PINS };
export type { DemoDevice, DemoGroup, DemoPupil, DemoSchool, DemoStaff, DemoStaffKey, DemoTag, SeedClock };

export const DEMO_DEFAULT_SEED = 20250901;
const PUPILS_PER_GROUP = 25;
const HISTORY_DAYS = 10;

export interface SeedOptions {
  /** The history ends before this moment; default: the core's clock. */
  now?: Date;
  seed?: number;
  /** Two weeks of school days before `now` (default true). */
  history?: boolean;
}


function seedClock(start: Date): SeedClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (instant) => {
      t = instant.getTime();
    },
    tick: (seconds) => {
      t += seconds * 1000;
    },
  };
}

/**
 * Fills an empty kiosk database with a demo school: two groups, ~50 pupils with pouches, phones
 * and some smartwatches, tags of every kind (one revoked), staff with the PINs in DEMO_PINS, and
 * — unless `history: false` — two weeks of school days written through the real services.
 * Deterministic for a given seed (names, devices, codes, history); the database ids are UUIDs
 * and differ per run. Everything is one transaction: quick, and all or nothing.
 */
export function seedDemoSchool(core: Core, options: SeedOptions = {}): DemoSchool {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const now = options.now ?? core.services.context.now();
  const withHistory = options.history ?? true;
  const days = withHistory ? schoolDaysBefore(now, HISTORY_DAYS) : [];
  const firstDay = days[0];
  const clock = seedClock(firstDay ? atAmsterdam(daysBefore(firstDay, 3), 16, 0) : new Date(now.getTime() - 30 * 60_000));
  const services = createServices({ ...core.services.context, now: clock.now });
  const random = demoRandom(seed);

  return core.db.transaction(() => {
    const school = registerSchool(services, random, clock, seed, now);
    if (withHistory) {
      const plan: HistoryPlan = { services, random, clock, school, days, db: core.db };
      school.history = seedHistory(plan);
    }
    school.events = countEvents(core.db);
    return school;
  })();
}

function registerSchool(s: Services, random: DemoRandom, clock: SeedClock, seed: number, now: Date): DemoSchool {
  const step = <T>(fn: () => T): T => {
    clock.tick(random.int(2, 9));
    return fn();
  };
  const admin = step(() =>
    s.createStaff({ displayName: 'Beheerder ICT', role: 'admin', pin: DEMO_PINS.admin, actor: 'system' }),
  );
  const staffInput: [DemoStaffKey, string, StaffRole][] = [
    ['teacher7A', 'Juf Anna', 'teacher'],
    ['teacher8B', 'Meester Bram', 'teacher'],
    ['witness', 'Juf Carla', 'teacher'],
    ['office', 'Administratie', 'office'],
  ];
  const staff = { admin: { ...admin, pin: DEMO_PINS.admin } } as Record<DemoStaffKey, DemoStaff>;
  for (const [key, displayName, role] of staffInput) {
    const created = step(() => s.createStaff({ displayName, role, pin: DEMO_PINS[key], actor: admin.staffId }));
    staff[key] = { ...created, pin: DEMO_PINS[key] };
  }
  const office = staff.office.staffId;

  const safe = step(() => s.createLocation({ kind: 'office_safe', name: 'Kluis administratie' }, office));
  const leader = step(() => s.createLocation({ kind: 'school_leader', name: 'Kamer directeur' }, office));
  const groups: DemoGroup[] = [];
  const bags: Record<string, string> = {};
  for (const [groep, jaargroep, teacherKey] of [['7A', 7, 'teacher7A'], ['8B', 8, 'teacher8B']] as const) {
    const bag = step(() => s.createLocation({ kind: 'phone_bag', name: `Telefoontas ${groep}` }, office));
    bags[groep] = bag.locationId;
    groups.push({ groep, jaargroep, teacherKey, bagLocationId: bag.locationId });
  }

  const school: DemoSchool = {
    seed,
    now: now.toISOString(),
    groups,
    pupils: [],
    devices: [],
    staff,
    locations: { officeSafe: safe.locationId, schoolLeader: leader.locationId, bags },
    tags: [],
    events: 0,
    history: null,
  };
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const ownCode = (): string => {
    for (;;) {
      const code = newOwnCode(random.bytes);
      if (!usedCodes.has(code)) return usedCodes.add(code), code;
    }
  };
  const nfcUid = (): string => {
    // 7-byte NXP UIDs (first byte 0x04), never the random-UID prefix 0x08 that the app refuses.
    for (;;) {
      let hex = '04';
      for (let i = 0; i < 6; i++) hex += random.int(0, 255).toString(16).padStart(2, '0').toUpperCase();
      if (!usedCodes.has(hex)) return usedCodes.add(hex), hex;
    }
  };
  const cardNumber = (): string => {
    // The number printed on an EM4100 key fob: ten digits, as the school's card reader types it.
    for (;;) {
      const code = `00${String(random.int(10_000_000, 16_777_215)).padStart(8, '0')}`;
      if (!usedCodes.has(code)) return usedCodes.add(code), code;
    }
  };

  for (const group of groups) {
    const names: [string, string, string][] = [];
    while (names.length < PUPILS_PER_GROUP) {
      const roepnaam = random.pick(ROEPNAMEN);
      const [voorvoegsel, achternaam] = random.pick(ACHTERNAMEN);
      const key = `${roepnaam} ${voorvoegsel} ${achternaam}`;
      if (usedNames.has(key)) continue;
      usedNames.add(key);
      names.push([roepnaam, voorvoegsel, achternaam]);
    }
    // Pouches follow the class list, as a teacher numbers the phone bag.
    names.sort((a, b) => a[2].localeCompare(b[2], 'nl') || a[0].localeCompare(b[0], 'nl'));
    names.forEach(([roepnaam, voorvoegsel, achternaam], index) => {
      const number = index + 1;
      const name = [roepnaam, voorvoegsel, achternaam].filter(Boolean).join(' ');
      const pupil = step(() =>
        s.createPupil(
          { roepnaam, voorvoegsel, achternaam, groep: group.groep, jaargroep: group.jaargroep, externalKey: `DEMO-${group.groep}-${number}` },
          office,
        ),
      );
      const pouch = step(() => s.createPouch({ locationId: group.bagLocationId, number, pupilId: pupil.pupilId }, office));
      const pouchCode = ownCode();
      step(() => s.assignTag({ kind: 'pouch', raw: pouchCode, pouchId: pouch.pouchId }, office));
      school.tags.push({ code: pouchCode, kind: 'pouch', revoked: false, pupilName: name, pupilId: pupil.pupilId, pouchNumber: number, groep: group.groep });
      const demoPupil: DemoPupil = { pupilId: pupil.pupilId, roepnaam, voorvoegsel, achternaam, name, groep: group.groep, jaargroep: group.jaargroep, pouchNumber: number, deviceIds: [] };
      school.pupils.push(demoPupil);

      // Pupil 2 of each group always has a phone and a watch: the choice screen must have a case.
      const noDevice = index !== 1 && random.chance(0.06);
      const hasPhone = !noDevice;
      const hasWatch = index === 1 || (hasPhone && random.chance(0.16));
      const kinds: DeviceKind[] = [...(hasPhone ? (['smartphone'] as const) : []), ...(hasWatch ? (['smartwatch'] as const) : [])];
      for (const kind of kinds) {
        const description = random.pick(kind === 'smartphone' ? PHONES : WATCHES);
        const device = step(() => s.createDevice({ ownerPupilId: pupil.pupilId, kind, description }, office));
        demoPupil.deviceIds.push(device.deviceId);
        school.devices.push({ deviceId: device.deviceId, kind, description, pupilId: pupil.pupilId, pupilName: name });
        // A watch has no room for a barcode: it gets an NFC sticker; so do some phone cases.
        const nfc = kind === 'smartwatch' || random.chance(0.15);
        const code = nfc ? nfcUid() : ownCode();
        const tagKind: TagKind = nfc ? 'nfc' : 'device_sticker';
        step(() => s.assignTag({ kind: tagKind, raw: code, canonical: code, deviceId: device.deviceId }, office));
        school.tags.push({ code, kind: tagKind, revoked: false, pupilName: name, deviceDescription: description, deviceId: device.deviceId, pupilId: pupil.pupilId, groep: group.groep });
      }
      // Index 1 always has a card (two devices → the kiosk asks which); others now and then.
      if (index === 1 || random.chance(0.25)) {
        const code = cardNumber();
        step(() => s.assignTag({ kind: 'pupil_card', raw: code, pupilId: pupil.pupilId }, office));
        school.tags.push({ code, kind: 'pupil_card', revoked: false, pupilName: name, pupilId: pupil.pupilId, groep: group.groep });
      }
    });
  }
  revokeOneSticker(s, school, office, ownCode, step);
  return school;
}

/** A sticker that came off and was replaced: the old code is revoked and must be refused. */
function revokeOneSticker(
  s: Services,
  school: DemoSchool,
  office: string,
  ownCode: () => string,
  step: <T>(fn: () => T) => T,
): void {
  const old = school.tags.find((t) => t.kind === 'device_sticker');
  if (!old?.deviceId) return;
  const { tagId } = resolveTag(s.context, old.code);
  step(() => s.revokeTag(tagId, office));
  old.revoked = true;
  const code = ownCode();
  step(() => s.assignTag({ kind: 'device_sticker', raw: code, deviceId: old.deviceId }, office));
  school.tags.push({ ...old, code, revoked: false });
}
