import { z } from 'zod';
import { ColumnMapping, SavedMapping } from '../../shared/contract/pupilImport';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';

/**
 * Named column mappings ("ParnasSys-export", "Excel van juf Anna"), so a class list in the same
 * layout is mapped in one choice next year. Kept in the settings table under a key of its own
 * (like the default location): a kiosk setting, not registry, and its change is recorded as one.
 */
const SETTING_KEY = 'importMappings';
const Stored = z.array(SavedMapping);

export function listMappings(ctx: ServiceContext): SavedMapping[] {
  const raw = prepared<{ value: string }>(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(SETTING_KEY)?.value;
  if (raw === undefined) return [];
  try {
    // One a later version wrote in another shape is not offered, rather than failing the screen.
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) one mapping; the ledger records that the mappings changed. */
export function saveMapping(ctx: ServiceContext, name: string, mapping: ColumnMapping, actor: Actor): SavedMapping {
  const saved = SavedMapping.parse({ name, mapping: ColumnMapping.parse(mapping) });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const next = [...listMappings(ctx).filter((m) => m.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    prepared(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      SETTING_KEY,
      JSON.stringify(next),
    );
    appendEvent(ledgerWriter(ctx), { type: 'settings_changed', actor, details: { key: SETTING_KEY } });
    return saved;
  });
}
