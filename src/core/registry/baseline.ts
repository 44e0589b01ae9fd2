import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { appendEvent, type LedgerWriter } from '../ledger/append';
import { SYSTEM_ACTOR } from '../ledger/events';
import { deviceEvent, locationEvent, pouchEvent, pupilEvent, staffEvent, tagAssignedEvent, tagRevokedEvent } from './drafts';
import { readRegistryTables } from './tables';

/**
 * Whether this database still holds a registry the ledger never recorded: migration 6 leaves a
 * mark in a database that already had pupils, devices, tags, pouches or staff. A file from
 * before migration 6 (read, not migrated, by the CLI or a backup check) is due as well.
 */
export function baselineDue(db: Db): boolean {
  const table = prepared<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'registry_baseline_due'").get();
  if (!table) return true;
  return prepared(db, 'SELECT 1 FROM registry_baseline_due WHERE singleton = 1').get() !== undefined;
}

/**
 * On the first start of an older kiosk with this version, after its chain verified: one event per
 * registry row (marked `baseline`, by the system) recording what the tables hold now, so from
 * then on every change is checked. Whatever was altered before this moment cannot be told apart
 * any more; the baseline makes that moment visible in the ledger. Runs once: the mark is removed
 * in the same transaction. Returns how many events it appended.
 */
export function recordRegistryBaseline(writer: LedgerWriter): number {
  const { db } = writer;
  return db.transaction(() => {
    if (!baselineDue(db)) return 0;
    const tables = readRegistryTables(db);
    const m = { actor: SYSTEM_ACTOR, baseline: true };
    let appended = 0;
    const append = (draft: Parameters<typeof appendEvent>[1]) => {
      appendEvent(writer, draft);
      appended++;
    };
    for (const [pupilId, p] of tables.pupils) {
      append(pupilEvent('pupil_registered', { pupilId, active: p.active, groep: p.groep, jaargroep: p.jaargroep }, p.personal, m));
    }
    for (const [locationId, l] of tables.locations) {
      append(locationEvent({ locationId, kind: l.kind, active: l.active, groep: l.groep }, l.name ?? '', m));
    }
    for (const [pouchId, p] of tables.pouches) append(pouchEvent({ pouchId, ...p }, m));
    for (const [deviceId, d] of tables.devices) {
      append(deviceEvent('device_registered', { deviceId, kind: d.kind, ownerPupilId: d.ownerPupilId, active: d.active }, d.description || null, m));
    }
    for (const [tagId, t] of tables.tags) {
      const facts = { tagId, kind: t.kind, canonical: t.canonical ?? '', deviceId: t.deviceId, pouchId: t.pouchId, pupilId: t.pupilId };
      const owner = t.deviceId ? (tables.devices.get(t.deviceId)?.ownerPupilId ?? null) : null;
      append(tagAssignedEvent(facts, owner, m));
      if (t.status === 'revoked') append(tagRevokedEvent(facts, owner, m));
    }
    for (const [staffId, s] of tables.staff) append(staffEvent('created', { staffId, role: s.role, active: s.active }, s.displayName, m));
    prepared(db, 'DELETE FROM registry_baseline_due WHERE singleton = 1').run();
    return appended;
  }).immediate();
}
