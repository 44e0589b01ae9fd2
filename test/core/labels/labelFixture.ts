import { openCore, type Core } from '../../../src/core';
import { newOwnCode, type RandomBytes } from '../../../src/shared/scan/codes';
import { tempDir } from '../../support/tempDb';
import { fakeClock, TEST_PIN_COST } from '../support/custodyFixture';

/** Names that Latin-1 cannot print: the PDF must embed a font that can. */
const firstNames = ['Zoë', 'Ömer', 'Łucja', 'Nguyễn', 'Daan', 'Siënna', 'Çağan', 'Žofie', 'Mía', 'Ågot', 'Lars', 'Noor'];
const lastNames = ['Vries', 'Bakker', 'Yılmaz', 'Kowalska', 'Trần', 'Jansen', 'Öztürk', 'Dvořák', 'Peña', 'Ærø', 'Smit', 'Mulder'];

/** A seeded byte source, so a failing sheet can be made again exactly. */
export function seededBytes(seed: number): RandomBytes {
  let s = seed >>> 0;
  return (buffer) => {
    for (let i = 0; i < buffer.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      buffer[i] = s >>> 24;
    }
    return buffer;
  };
}

export interface LabelFixture {
  core: Core;
  officeId: string;
  /** Per pupil in class-list order: first name and the own code on their phone's sticker. */
  stickers: { roepnaam: string; achternaam: string; code: string }[];
  pouchCodes: string[];
  close(): void;
}

/**
 * A kiosk whose group 7A has `size` pupils with Unicode names (not in alphabetical order), each
 * with a phone carrying one of our own codes and a pouch with its own pouch tag; group 8B has one
 * pupil, whose sticker must never show up on 7A's sheet, nor must a revoked sticker in 7A.
 */
export function labelFixture(size = 12, seed = 7): LabelFixture {
  const tmp = tempDir();
  const clock = fakeClock('2026-09-01T07:30:00.000Z');
  const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
  const s = core.services;
  const random = seededBytes(seed);
  const admin = s.createStaff({ displayName: 'Beheerder', role: 'admin', pin: '999999', actor: 'system' });
  const office = s.createStaff({ displayName: 'Administratie', role: 'office', pin: '246800', actor: admin.staffId });
  const bag = s.createLocation({ kind: 'phone_bag', name: 'Telefoontas 7A' }, office.staffId);
  const stickers: LabelFixture['stickers'] = [];
  const pouchCodes: string[] = [];
  let firstPhone = '';
  for (let n = 0; n < size; n++) {
    // Registered in an order unlike the class list, so the sheet's order is the service's.
    const i = (n * 5) % size;
    const roepnaam = firstNames[i % firstNames.length]!;
    const achternaam = `${lastNames[i % lastNames.length]!}${i >= lastNames.length ? i : ''}`;
    const pupil = s.createPupil({ roepnaam, achternaam, voorvoegsel: i % 3 === 0 ? 'de' : '', groep: '7A' }, office.staffId);
    const phone = s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartphone' }, office.staffId);
    firstPhone ||= phone.deviceId;
    const code = newOwnCode(random);
    s.assignTag({ kind: 'device_sticker', raw: code, deviceId: phone.deviceId }, office.staffId);
    stickers.push({ roepnaam, achternaam, code });
    const pouch = s.createPouch({ locationId: bag.locationId, number: n + 1, pupilId: pupil.pupilId }, office.staffId);
    const pouchCode = newOwnCode(random);
    s.assignTag({ kind: 'pouch', raw: pouchCode, pouchId: pouch.pouchId }, office.staffId);
    pouchCodes.push(pouchCode);
  }
  const other = s.createPupil({ roepnaam: 'Anders', achternaam: 'Groep', groep: '8B' }, office.staffId);
  const otherPhone = s.createDevice({ ownerPupilId: other.pupilId, kind: 'smartphone' }, office.staffId);
  s.assignTag({ kind: 'device_sticker', raw: newOwnCode(random), deviceId: otherPhone.deviceId }, office.staffId);
  const lost = s.assignTag({ kind: 'device_sticker', raw: newOwnCode(random), deviceId: firstPhone }, office.staffId);
  s.revokeTag(lost.tagId, office.staffId);
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  stickers.sort((a, b) => collator.compare(a.achternaam, b.achternaam) || collator.compare(a.roepnaam, b.roepnaam));
  return {
    core,
    officeId: office.staffId,
    stickers,
    pouchCodes,
    close() {
      core.close();
      tmp.cleanup();
    },
  };
}
