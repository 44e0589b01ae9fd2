import { z } from 'zod';
import { CustodyOutcome, DeviceItem, DeviceKind } from './custody';
import { method } from './define';

/**
 * The office's register of devices and their tags ("Apparaten en stickers"), and the teacher's
 * enrolment of an unknown sticker at the door. Every change is a ledger event in the core.
 */
const Id = z.uuid();
const Groep = z.string().trim().min(1).max(20);
const Description = z.string().trim().max(80);
/** Why a tag was withdrawn or moved: required, short, free text (it goes in the erasable payload). */
const Reason = z.string().trim().min(1).max(200);
/** A scanned value as the reader delivered it; the core normalises it as the door does. */
const ScannedCode = z.string().trim().min(1).max(256);

export const TagKind = z.enum(['device_sticker', 'nfc', 'pouch', 'pupil_card']);
export const TagLine = z.object({
  tagId: z.string(),
  kind: TagKind,
  canonical: z.string(),
  status: z.enum(['active', 'revoked']),
});
export type TagLine = z.infer<typeof TagLine>;

export const DeviceLine = z.object({ deviceId: z.string(), kind: DeviceKind, description: z.string(), tags: z.array(TagLine) });
export type DeviceLine = z.infer<typeof DeviceLine>;

export const PupilDevices = z.object({
  pupilId: z.string(),
  roepnaam: z.string(),
  voorvoegsel: z.string(),
  achternaam: z.string(),
  groep: z.string(),
  devices: z.array(DeviceLine),
});
export type PupilDevices = z.infer<typeof PupilDevices>;

export const TagSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scan'), code: ScannedCode, tagKind: z.enum(['device_sticker', 'nfc']).default('device_sticker') }),
  z.strictObject({ kind: z.literal('newCode') }),
]);

const TagResult = z.object({ tagId: z.string(), kind: TagKind, canonical: z.string(), deviceId: z.string().nullable() });

export const deviceMethods = {
  /** A group's pupils (class-list order) with their devices and tags, and the groups there are. */
  listGroupDevices: method(
    'office',
    z.strictObject({ groep: Groep.optional() }),
    z.object({ groups: z.array(z.string()), pupils: z.array(PupilDevices) }),
  ),
  registerDevice: method('office', z.strictObject({ pupilId: Id, kind: DeviceKind, description: Description }), DeviceItem),
  /** A scanned sticker or NFC tag, or a new code of the app's own to print on the group's sheet. */
  attachTag: method('office', z.strictObject({ deviceId: Id, source: TagSource }), TagResult),
  revokeDeviceTag: method('office', z.strictObject({ tagId: Id, reason: Reason }), TagResult),
  moveTag: method('office', z.strictObject({ tagId: Id, toDeviceId: Id, reason: Reason }), TagResult),
  /**
   * At the door, after an unknown scan and the teacher's PIN: register the device for the chosen
   * pupil with the scanned code as its sticker, and hand it in — one call, all or nothing.
   */
  enrolDevice: method(
    'teacher',
    z.strictObject({
      code: ScannedCode,
      /** An NFC reader's UID becomes an NFC tag; anything else a sticker. */
      tagKind: z.enum(['device_sticker', 'nfc']).default('device_sticker'),
      pupilId: Id,
      kind: DeviceKind,
      description: Description,
    }),
    CustodyOutcome,
  ),
};
