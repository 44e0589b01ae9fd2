import type { RolloutConfig } from '../../shared/contract/rollout';
import type { SettingsPatch } from '../../shared/contract/settings';
import { readIdentity, renameKiosk } from '../kiosk/identity';
import { appendEvent } from '../ledger/append';
import { SYSTEM_ACTOR } from '../ledger/events';
import { hasEventOfType } from '../ledger/rows';
import type { Db } from '../db/open';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { storeSettings } from '../settings/store';

/** `details.source` of the ledger event that records a roll-out file being applied. */
export const ROLLOUT_SOURCE = 'rollout-file';

export type RolloutApply = { status: 'applied'; keys: string[] } | { status: 'already-configured' };

/** What a roll-out file sets, apart from its own bookkeeping (`version`, the reserved `central`). */
export function rolloutChanges(config: RolloutConfig): { kiosk: { name?: string; school?: string }; settings: SettingsPatch } {
  const { version: _version, central: _central, kioskName, school, ...settings } = config;
  return {
    kiosk: { ...(kioskName !== undefined ? { name: kioskName } : {}), ...(school !== undefined ? { school } : {}) },
    settings,
  };
}

/**
 * "First start" for the roll-out file: no settings change has ever been recorded in this
 * database's ledger, neither an earlier roll-out nor an administrator's change on the kiosk
 * (renaming the kiosk counts too). Registering staff, pupils or devices (also with the CLI,
 * before the app first opens) does not count: it sets nothing the file sets.
 */
export function awaitsRollout(db: Db): boolean {
  return !hasEventOfType(db, 'settings_changed');
}

/**
 * Applies the file's settings and the kiosk's name and school in one transaction with one
 * `settings_changed` event by the system actor: nobody is logged in at a start, and the file was
 * written by whoever administers the PC. The event is written even when nothing differed from
 * the defaults: it is what marks the roll-out as done, so a later start never applies it again.
 */
export function applyRolloutConfig(ctx: ServiceContext, config: RolloutConfig): RolloutApply {
  return writeTransaction(ctx, () => {
    if (!awaitsRollout(ctx.db)) return { status: 'already-configured' };
    const { kiosk, settings } = rolloutChanges(config);
    const keys: string[] = storeSettings(ctx.db, settings).changed;
    const before = readIdentity(ctx.db);
    const name = kiosk.name ?? before?.name;
    if (before && name && (name !== before.name || (kiosk.school ?? before.school) !== before.school)) {
      renameKiosk(ctx.db, name, kiosk.school);
      // The same key the settings screen records when an administrator renames the kiosk.
      keys.push('kioskName');
    }
    appendEvent(ledgerWriter(ctx), {
      type: 'settings_changed',
      actor: SYSTEM_ACTOR,
      details: { keys, source: ROLLOUT_SOURCE },
    });
    return { status: 'applied', keys };
  });
}
