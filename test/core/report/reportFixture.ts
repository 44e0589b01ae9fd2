import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { sha256Hex } from '../../../src/core/ledger/media';
import type { Device } from '../../../src/core/services/devices';
import type { StaffSummary } from '../../../src/core/services/staff';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

/** A small PNG of one colour with a darker cross: a stand-in for a webcam photo or a drawn signature. */
export function testPng(width: number, height: number, rgb: [number, number, number]): { mime: 'image/png'; bytes: Uint8Array; sha256: string } {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const cross = Math.abs(x - y * (width / height)) < 3 || Math.abs(width - x - y * (width / height)) < 3;
      png.data[i] = cross ? 20 : rgb[0];
      png.data[i + 1] = cross ? 20 : rgb[1];
      png.data[i + 2] = cross ? 20 : rgb[2];
      png.data[i + 3] = 255;
    }
  }
  const bytes = new Uint8Array(PNG.sync.write(png));
  return { mime: 'image/png', bytes, sha256: sha256Hex(bytes) };
}

export interface ReportStory {
  f: ClassFixture;
  phone: Device;
  /** A teacher whose name is not Latin-1. */
  teacher: StaffSummary;
  incidentSeq: number;
  wrongSeq: number;
  correctionSeq: number;
}

const day = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString();

/**
 * A phone's fortnight: handed in with a cracked screen noted, a mistaken transfer corrected,
 * confiscated with a witness and released to a parent who signs, and a week later a parent's
 * report of damage with a photo and what the insurer asks. The pupil and staff carry names from
 * all over Europe.
 */
export function reportStory(): ReportStory {
  const f = classFixture({ size: 1 });
  f.clock.set(day(16, 8, 0));
  const pupil = f.s.createPupil({ roepnaam: 'Zoë', achternaam: 'Ǆurić', groep: '7B', jaargroep: 7, externalKey: 'EXT-Z' }, f.office.staffId);
  const phone = f.s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartphone', description: 'Samsung A54 blauw' }, f.office.staffId);
  f.s.assignTag({ kind: 'device_sticker', raw: 'STK-Z', deviceId: phone.deviceId }, f.office.staffId);
  const teacher = f.s.createStaff({ displayName: 'Łukasz Ørjan', role: 'teacher', pin: '4321', actor: f.admin.staffId });

  f.clock.set(day(17, 8, 15));
  f.s.scan({ code: 'STK-Z', mode: 'hand-in', actor: 'pupil', dutyStaffId: teacher.staffId });
  f.s.noteCondition({ deviceId: phone.deviceId, actor: 'pupil', marks: ['screen_cracked'], note: 'Barstje rechtsonder, zat er al' });
  f.clock.set(day(17, 10, 0));
  const wrong = f.s.transfer({ deviceId: phone.deviceId, actor: teacher.staffId, to: { locationId: f.safe.locationId } });
  const correction = f.s.correct({ seq: wrong.event.seq, reason: 'Verkeerd toestel gekozen' , actor: teacher.staffId });
  f.clock.set(day(17, 14, 30));
  f.s.scan({ code: 'STK-Z', mode: 'return', actor: 'pupil' });

  f.clock.set(day(18, 11, 5));
  f.s.confiscate({ deviceId: phone.deviceId, actor: teacher.staffId, reason: 'Filmen in de klas', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness, article: 'Art. 4.2 protocol' });
  const signature = testPng(240, 80, [250, 250, 250]);
  f.clock.set(day(18, 15, 10));
  f.s.releaseToGuardian({
    deviceId: phone.deviceId,
    actor: teacher.staffId,
    guardianName: 'Ørjan Ǆurić',
    note: 'يوسف',
    signatureImageHash: signature.sha256,
    signature: { mime: signature.mime, bytes: signature.bytes },
  });

  f.clock.set(day(25, 9, 0));
  const photo = testPng(320, 240, [90, 140, 200]);
  const incident = f.s.reportIncident({
    deviceId: phone.deviceId,
    actor: teacher.staffId,
    kind: 'damage',
    description: 'Moeder meldt: scherm gebarsten na het ophalen',
    photoHash: photo.sha256,
    photo: { mime: photo.mime, bytes: photo.bytes },
    insurer: { discoveredAt: day(18, 19, 30), witnesses: 'Дмитрий Νικολάου', purchaseDate: '2025-08-30', purchasePriceCents: 34900 },
  });
  return { f, phone, teacher, incidentSeq: incident.event.seq, wrongSeq: wrong.event.seq, correctionSeq: correction.event.seq };
}

/** Saves the report's pages as PNGs under test-results/report, to be looked at. */
export function savePages(name: string, pages: Buffer[]): string[] {
  const dir = join(process.cwd(), 'test-results', 'report');
  mkdirSync(dir, { recursive: true });
  return pages.map((png, i) => {
    const file = join(dir, `${name}-${i + 1}.png`);
    writeFileSync(file, png);
    return file;
  });
}
