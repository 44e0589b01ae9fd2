import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { readCustody } from '../ledger/projection';
import { ledgerHead } from '../ledger/rows';
import type { Services } from '../services';
import type { DemoRandom } from './random';
import { atAmsterdam, weekday, type SchoolDate } from './schoolDays';
import type { DemoPupil, DemoSchool, SeedClock } from './types';

export interface HistoryPlan {
  services: Services;
  random: DemoRandom;
  clock: SeedClock;
  school: DemoSchool;
  days: SchoolDate[];
  db: Db;
}

/** The devices the special events of the two weeks happen to. */
interface Cast {
  condition: string;
  transfer: string;
  confiscate: string;
  incident: string;
  correction: string;
}

// Which school day (0-based) each special event happens on.
const DAY = { condition: 1, transfer: 2, confiscate: 4, incident: 6, correction: 8 } as const;

/**
 * Two weeks of school days: every morning the pupils hand in at the door (sticker, NFC, pouch tag
 * or pupil card, as they happen to), every afternoon the teacher scans everything back (12:15 on
 * Wednesdays, the short day). Woven in: a damage mark at the door, a transfer to the office safe,
 * a confiscation with a witness and its release to a parent, an incident with a condition note,
 * and a wrong manual hand-in voided by a correction.
 */
export function seedHistory(plan: HistoryPlan): { schoolDays: string[]; events: number } {
  const before = ledgerHead(plan.db).seq;
  const cast = chooseCast(plan);
  plan.days.forEach((day, index) => schoolDay(plan, cast, day, index));
  return {
    schoolDays: plan.days.map((d) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`),
    events: ledgerHead(plan.db).seq - before,
  };
}

function chooseCast(plan: HistoryPlan): Cast {
  const { school, random } = plan;
  const used = new Set<string>();
  const onePhone = (groep: string): string => {
    const candidates = school.pupils.filter(
      (p) => p.groep === groep && p.deviceIds.length === 1 && !used.has(p.pupilId) && kindOf(plan, p.deviceIds[0]) === 'smartphone',
    );
    const pupil = random.pick(candidates);
    used.add(pupil.pupilId);
    return pupil.deviceIds[0] as string;
  };
  const withWatch = school.pupils.find(
    (p) => p.groep === '7A' && p.deviceIds.some((d) => kindOf(plan, d) === 'smartwatch'),
  ) as DemoPupil;
  used.add(withWatch.pupilId);
  return {
    condition: onePhone('7A'),
    transfer: onePhone('8B'),
    confiscate: withWatch.deviceIds.find((d) => kindOf(plan, d) === 'smartwatch') as string,
    incident: onePhone('8B'),
    correction: onePhone('7A'),
  };
}

const kindOf = (plan: HistoryPlan, deviceId: string | undefined): string | undefined =>
  plan.school.devices.find((d) => d.deviceId === deviceId)?.kind;

const ownerOf = (plan: HistoryPlan, deviceId: string): DemoPupil =>
  plan.school.pupils.find((p) => p.deviceIds.includes(deviceId)) as DemoPupil;

/** Moves the clock to hh:mm (plus a few seconds) unless it is already past it. */
function at(plan: HistoryPlan, day: SchoolDate, hours: number, minutes: number): void {
  const target = atAmsterdam(day, hours, minutes, plan.random.int(0, 40));
  if (target.getTime() > plan.clock.now().getTime()) plan.clock.set(target);
}

function schoolDay(plan: HistoryPlan, cast: Cast, day: SchoolDate, index: number): void {
  const { services: s, random, school } = plan;
  const castPupils = new Set(Object.values(cast).map((d) => ownerOf(plan, d).pupilId));
  const absent = new Set(
    school.pupils
      .filter((p) => (index === DAY.correction && p.pupilId === ownerOf(plan, cast.correction).pupilId) || (!castPupils.has(p.pupilId) && random.chance(0.04)))
      .map((p) => p.pupilId),
  );
  // Some pupils leave the watch at home; on the confiscation day one keeps it on in class.
  const notBrought = new Set(
    school.devices
      .filter((d) => (index === DAY.confiscate && d.deviceId === cast.confiscate) || (!castPupils.has(d.pupilId) && random.chance(d.kind === 'smartwatch' ? 0.2 : 0.03)))
      .map((d) => d.deviceId),
  );

  school.groups.forEach((group, g) => {
    at(plan, day, 8, g === 0 ? 13 : 18);
    const present = shuffle(random, school.pupils.filter((p) => p.groep === group.groep && !absent.has(p.pupilId)));
    for (const pupil of present) {
      for (const deviceId of pupil.deviceIds.filter((d) => !notBrought.has(d))) {
        plan.clock.tick(random.int(3, 12));
        const code = handInCode(plan, pupil, deviceId);
        s.scan({ code, mode: 'hand-in', actor: 'pupil' });
        // Now and then a pupil scans twice: acknowledged, not recorded again.
        if (random.chance(0.02)) {
          plan.clock.tick(2);
          s.scan({ code, mode: 'hand-in', actor: 'pupil' });
        }
        if (index === DAY.condition && deviceId === cast.condition) {
          plan.clock.tick(6);
          s.noteCondition({ deviceId, actor: 'pupil', marks: ['screen_cracked'], note: 'Barstje rechtsonder, zat er al' });
        }
      }
    }
  });

  const teacher = (groep: string): string => {
    const key = school.groups.find((g) => g.groep === groep)?.teacherKey ?? 'teacher7A';
    return school.staff[key].staffId;
  };
  const office = school.staff.office.staffId;

  if (index === DAY.correction) {
    at(plan, day, 8, 40);
    const wrong = s.handIn({ deviceId: cast.correction, actor: teacher('7A') });
    plan.clock.tick(95);
    s.correct({ seq: wrong.event.seq, actor: teacher('7A'), reason: 'Verkeerde leerling aangeklikt; deze leerling is vandaag afwezig.' });
  }
  if (index === DAY.transfer) {
    at(plan, day, 10, 5);
    s.transfer({
      deviceId: cast.transfer,
      actor: teacher('8B'),
      to: { locationId: school.locations.officeSafe },
      note: 'Gaat eerder naar huis (tandarts); telefoon ligt bij de administratie.',
    });
    at(plan, day, 11, 40);
    s.returnDevice({ deviceId: cast.transfer, actor: office });
  }
  if (index === DAY.confiscate) {
    at(plan, day, 11, 20);
    s.confiscate({
      deviceId: cast.confiscate,
      actor: teacher('7A'),
      witnessStaffId: school.staff.witness.staffId,
      witnessPin: school.staff.witness.pin,
      article: 'B.3',
      reason: 'Smartwatch niet ingeleverd en gebruikt tijdens de rekentoets.',
      sealedBagNumber: 'Z-0042',
      locationId: school.locations.officeSafe,
    });
  }
  if (index === DAY.incident) {
    at(plan, day, 14, 20);
    s.reportIncident({
      deviceId: cast.incident,
      actor: teacher('8B'),
      kind: 'damage',
      description: 'Telefoontas viel bij het ophangen van de haak; scherm van deze telefoon gebarsten.',
    });
    plan.clock.tick(40);
    s.noteCondition({ deviceId: cast.incident, actor: teacher('8B'), marks: ['screen_cracked'], note: 'Foto gemaakt, ouders gebeld.' });
  }

  const wednesday = weekday(day) === 3;
  school.groups.forEach((group) => {
    if (wednesday) at(plan, day, 12, 15);
    else at(plan, day, 14, 30);
    const pupils = school.pupils.filter((p) => p.groep === group.groep).sort((a, b) => a.pouchNumber - b.pouchNumber);
    for (const pupil of pupils) {
      const held = pupil.deviceIds.filter((d) => {
        const custody = readCustody(plan.db, d);
        return custody?.held === true && custody.confiscatedSeq === null;
      });
      for (const deviceId of held) {
        plan.clock.tick(random.int(3, 9));
        const code = held.length === 1 ? tagCode(plan, pupil, 'pouch') : deviceCode(plan, deviceId);
        s.scan({ code, mode: 'return', actor: teacher(group.groep) });
      }
    }
  });

  if (index === DAY.confiscate) {
    at(plan, day, 15, 10);
    const owner = ownerOf(plan, cast.confiscate);
    const surname = [owner.voorvoegsel, owner.achternaam].filter(Boolean).join(' ');
    s.releaseToGuardian({
      deviceId: cast.confiscate,
      actor: office,
      guardianName: `Mevrouw ${surname.charAt(0).toUpperCase()}${surname.slice(1)}`,
      signatureImageHash: createHash('sha256').update(`demo-signature-${school.seed}`).digest('hex'),
      note: 'Moeder heeft de smartwatch opgehaald en het gesprek gehad.',
    });
  }
}

/** What a pupil at the door happens to scan: with one device, any of their tags will do. */
function handInCode(plan: HistoryPlan, pupil: DemoPupil, deviceId: string): string {
  if (pupil.deviceIds.length > 1) return deviceCode(plan, deviceId);
  const options = plan.school.tags.filter(
    (t) => !t.revoked && (t.deviceId === deviceId || (t.pupilId === pupil.pupilId && (t.kind === 'pouch' || t.kind === 'pupil_card'))),
  );
  return plan.random.pick(options).code;
}

function deviceCode(plan: HistoryPlan, deviceId: string): string {
  const tag = plan.school.tags.find((t) => !t.revoked && t.deviceId === deviceId);
  if (!tag) throw new Error('demo device without a tag');
  return tag.code;
}

function tagCode(plan: HistoryPlan, pupil: DemoPupil, kind: 'pouch'): string {
  const tag = plan.school.tags.find((t) => !t.revoked && t.kind === kind && t.pupilId === pupil.pupilId);
  if (!tag) throw new Error('demo pupil without a pouch tag');
  return tag.code;
}

function shuffle<T>(random: DemoRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
