import { AppError } from '../../shared/errors';
import { defaultSettings, Settings, type SettingsPatch } from '../../shared/contract/settings';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';

type Key = keyof Settings;
const keys = Object.keys(defaultSettings) as Key[];

/**
 * The kiosk's settings: each top-level key stored as JSON, defaults for whatever was never set.
 * A stored value that no longer validates (an older version wrote it) falls back to the default
 * rather than stopping the kiosk at the door.
 */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const key of keys) {
    const raw = stored.get(key);
    if (raw === undefined) continue;
    try {
      const candidate = { ...merged, [key]: JSON.parse(raw) as unknown };
      if (Settings.safeParse(candidate).success) merged[key] = candidate[key];
    } catch {
      // unreadable JSON: keep the default
    }
  }
  return Settings.parse(merged);
}

/**
 * What pupils may see at the door, read on its own: every scan asks, so it is one indexed
 * look-up rather than all settings parsed.
 */
export function readPrivacyDisplay(db: Db): Settings['privacyDisplay'] {
  const raw = prepared<{ value: string }>(db, "SELECT value FROM settings WHERE key = 'privacyDisplay'").get()?.value;
  return raw === JSON.stringify('pouch-only') ? 'pouch-only' : 'first-name';
}

/**
 * Changes settings and records who changed which keys in the ledger (the keys, not the values:
 * a value such as a group name says nothing about a child, but the ledger needs only the fact).
 */
export function updateSettings(ctx: ServiceContext, actorStaffId: string, patch: SettingsPatch): Settings {
  return writeTransaction(ctx, () => {
    const { settings, changed } = storeSettings(ctx.db, patch);
    if (changed.length === 0) return settings;
    appendEvent(ledgerWriter(ctx), { type: 'settings_changed', actor: actorStaffId, details: { keys: changed } });
    return settings;
  });
}

/**
 * Writes the keys of `patch` that differ from what is stored and says which those were. Runs in
 * the caller's transaction; the caller records the change in the ledger (updateSettings, or the
 * roll-out file together with the kiosk's name).
 */
export function storeSettings(db: Db, patch: SettingsPatch): { settings: Settings; changed: Key[] } {
  if (!db.inTransaction) throw new Error('storeSettings must run inside a transaction');
  const current = readSettings(db);
  const next = Settings.parse({ ...current, ...patch });
  // "HH:MM" strings compare as times. Return mode after the day has ended would never start.
  if (next.returnModeAt >= next.endOfDayAt) throw new AppError('RETURN_AFTER_END_OF_DAY', { returnModeAt: next.returnModeAt, endOfDayAt: next.endOfDayAt });
  const changed = keys.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of changed) upsert.run(key, JSON.stringify(next[key]));
  return { settings: next, changed };
}
