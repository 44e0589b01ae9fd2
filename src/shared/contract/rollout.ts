import { z } from 'zod';
import { KioskName, SchoolName } from './kioskFields';
import { SettingsPatch } from './settings';

/**
 * The board's central PostgreSQL database: where `sync` uploads the kiosk's chain when no `--url`
 * or INLEVERPUNT_CENTRAL_URL is given (the app itself does not sync yet), and, with `board`, what
 * the office area of the board's own PC reads (board mode). The settings screen's address, when
 * one is saved there, wins over this file.
 */
export const CentralConfig = z.strictObject({
  url: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'postgres://…'),
  board: z.boolean().optional(),
});

/**
 * The machine-wide roll-out file (`config.json`): the kiosk's name and school, and any settings
 * key with the same schema the settings screen uses. Each settings key is a whole value (all of
 * `wedge`, not part of it), exactly as `updateSettings` takes it. Strict at every level: a typo
 * such as `kioskNaam` is an error, never silently ignored.
 */
export const RolloutConfig = z.strictObject({
  version: z.literal(1),
  kioskName: KioskName.optional(),
  school: SchoolName.optional(),
  ...SettingsPatch.shape,
  central: CentralConfig.optional(),
});
export type RolloutConfig = z.infer<typeof RolloutConfig>;

const Localized = z.object({ nl: z.string(), en: z.string() });

/** One thing wrong with the file: the field (dotted path, '' for the file itself) and what. */
export const RolloutIssue = z.object({ field: z.string(), message: Localized });
export type RolloutIssue = z.infer<typeof RolloutIssue>;

/** What the roll-out file did when the app started; reported, never a reason not to open. */
export const RolloutOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-file'), path: z.string() }),
  /** Settings were changed before (by an earlier roll-out or on the kiosk): the file is left alone. */
  z.object({ status: z.literal('already-configured'), path: z.string() }),
  /** The database failed its start-up check, so nothing is written. */
  z.object({ status: z.literal('read-only'), path: z.string() }),
  /** `keys`: the settings keys (and `kioskName`) that changed, as in the ledger event. */
  z.object({ status: z.literal('applied'), path: z.string(), keys: z.array(z.string()) }),
  z.object({ status: z.literal('invalid'), path: z.string(), issues: z.array(RolloutIssue) }),
]);
export type RolloutOutcome = z.infer<typeof RolloutOutcome>;
