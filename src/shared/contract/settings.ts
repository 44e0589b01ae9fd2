import { z } from 'zod';
import { method } from './define';
import { nfcProfiles } from '../scan/nfc';
import { hidFormats } from '../scan/hidFormats';
import { LabelCalibrations } from './labels';
import { defaultRetention, RetentionSettings } from './retention';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** The keyboard-wedge thresholds (see renderer/scan/wedgeDetector) a school can tune. */
export const WedgeSettings = z
  .object({
    maxGapMs: z.number().int().min(5).max(500),
    maxAvgGapMs: z.number().int().min(2).max(200),
    minLength: z.number().int().min(1).max(64),
    suffix: z.enum(['enter', 'tab', 'enter-or-tab', 'none']),
    prefix: z.string().max(8).regex(/^[\x20-\x7e]*$/),
    /** Set when the wedge device is an NFC reader: how it types a tag's UID. */
    nfcProfile: z.enum(nfcProfiles).nullable(),
  })
  .strict();

/** A scanner opened directly through node-hid in the main process. */
export const HidReaderSettings = z
  .object({
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    usagePage: z.number().int().min(0).max(0xffff).nullable(),
    format: z.enum(hidFormats),
    nfcProfile: z.enum(nfcProfiles).nullable(),
  })
  .strict();

export const Settings = z
  .object({
    language: z.enum(['nl', 'en']),
    /** Groups this kiosk serves, e.g. ["7A", "7B"]: the pupils shown for a manual hand-in. */
    groups: z.array(z.string().trim().min(1).max(20)).max(10),
    /** When the door screen switches from hand-in to return mode. */
    returnModeAt: clock,
    /** End of the school day: reconciliation, and confiscations still held are flagged. */
    endOfDayAt: clock,
    /** What the door shows a pupil: their first name, or only the pouch number. */
    privacyDisplay: z.enum(['first-name', 'pouch-only']),
    sound: z.object({ enabled: z.boolean(), volume: z.number().min(0).max(1) }).strict(),
    wedge: WedgeSettings,
    camera: z.object({ enabled: z.boolean(), deviceId: z.string().max(256).nullable() }).strict(),
    hid: HidReaderSettings.nullable(),
    /** Sticker printing: per layout, how far this kiosk's printer is off (see core/labels). */
    labelCalibration: LabelCalibrations,
    /** How long personal data is kept (core/retention purges it daily). */
    retention: RetentionSettings,
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const defaultSettings: Settings = {
  language: 'nl',
  groups: [],
  returnModeAt: '14:00',
  endOfDayAt: '15:15',
  privacyDisplay: 'first-name',
  sound: { enabled: true, volume: 0.7 },
  wedge: { maxGapMs: 50, maxAvgGapMs: 25, minLength: 4, suffix: 'enter-or-tab', prefix: '', nfcProfile: null },
  camera: { enabled: false, deviceId: null },
  hid: null,
  labelCalibration: {},
  retention: defaultRetention,
};

/** Anyone at the kiosk may read the settings (the door needs them); only an admin changes them. */
export const settingsMethods = {
  getSettings: method('door', z.strictObject({}), Settings),
  updateSettings: method('admin', z.strictObject({ patch: SettingsPatch }), Settings),
};
