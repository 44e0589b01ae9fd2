import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { createGateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { readEvents } from '../../../src/core/ledger/readModel';
import { resolveTag } from '../../../src/core/services/tags';
import { classFixture, codeOf, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/**
 * Someone with the sqlite3 shell changes a registry table while the kiosk is off. The next start
 * compares the tables with the ledger's registration events and refuses to write.
 */
describe('a registry changed behind the kiosk’s back', () => {
  let f: ClassFixture;
  let reopened: Core | undefined;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => {
    reopened?.close();
    reopened = undefined;
    f.close();
  });

  function tamperAndReopen(sql: string, ...params: (string | number | null)[]): Core {
    f.core.close();
    const raw = new Database(f.dbPath);
    raw.prepare(sql).run(...params);
    raw.close();
    reopened = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
    return reopened;
  }

  it('starts clean and writable when nobody touched it', () => {
    expect(f.core.startup).toMatchObject({ problem: null, registry: { status: 'ok' } });
    const again = f.reopen();
    reopened = again.core;
    expect(again.core.startup).toMatchObject({ problem: null, registry: { status: 'ok' } });
  });

  it('a sticker re-pointed at another child’s phone is found at start-up, and the kiosk refuses to write', () => {
    const sticker = resolveTag(f.s.context, 'STK-1');
    const [first, second] = f.phones;
    const core = tamperAndReopen('UPDATE tags SET device_id = ? WHERE tag_id = ?', second!.deviceId, sticker.tagId);
    expect(core.problem).toBe('REGISTRY_MISMATCH');
    expect(core.startup.registry).toMatchObject({
      status: 'mismatch',
      count: 1,
      differences: [{ entity: 'tags', id: sticker.tagId, problem: 'differs', field: 'deviceId' }],
    });
    // The scan that would have handed in the wrong phone is refused, like every other write.
    expect(codeOf(() => core.services.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }))).toBe('DB_READ_ONLY');
    expect(codeOf(() => core.services.handIn({ deviceId: first!.deviceId, actor: 'pupil' }))).toBe('DB_READ_ONLY');
    expect(core.services.listCustody({})).toEqual([]);
  });

  it('a device given to another pupil in the table is found', () => {
    const [phone] = f.phones;
    const core = tamperAndReopen('UPDATE devices SET owner_pupil_id = ? WHERE device_id = ?', f.pupils[1]!.pupilId, phone!.deviceId);
    expect(core.problem).toBe('REGISTRY_MISMATCH');
    expect(core.startup.registry).toMatchObject({
      differences: [{ entity: 'devices', id: phone!.deviceId, problem: 'differs', field: 'ownerPupilId' }],
    });
  });

  it.each([
    ['a revoked sticker made active again', "UPDATE tags SET status = 'active', revoked_at = NULL WHERE canonical = 'REVOKED-1'", 'tags', 'status'],
    ['a tag given a new code', "UPDATE tags SET canonical = 'STK-99' WHERE canonical = 'STK-2'", 'tags', 'canonical'],
    ['a pouch given to another pupil', 'UPDATE pouches SET pupil_id = (SELECT pupil_id FROM pupils ORDER BY rowid DESC LIMIT 1) WHERE number = 1', 'pouches', 'pupilId'],
    ['a pupil moved to another group', "UPDATE pupils SET groep = '8A' WHERE external_key = 'EXT-1'", 'pupils', 'groep'],
    ['a pupil deactivated', "UPDATE pupils SET active = 0 WHERE external_key = 'EXT-2'", 'pupils', 'active'],
    ['a pupil renamed', "UPDATE pupils SET roepnaam = 'Iemand' WHERE external_key = 'EXT-1'", 'pupils', 'personal'],
    ['a teacher made administrator', "UPDATE staff SET role = 'admin' WHERE display_name = 'Juf Anna'", 'staff', 'role'],
    ['a staff member who left made active again', "UPDATE staff SET active = 1 WHERE display_name = 'Meester Bas'", 'staff', 'active'],
    ['a phone bag renamed', "UPDATE locations SET name = 'Kluis' WHERE kind = 'phone_bag'", 'locations', 'name'],
  ])('%s is found', (_story, sql, entity, field) => {
    const revoked = f.s.assignTag({ kind: 'device_sticker', raw: 'REVOKED-1', deviceId: f.phones[0]!.deviceId }, f.office.staffId);
    f.s.revokeTag(revoked.tagId, f.office.staffId);
    f.s.changeStaff(f.witness.staffId, { active: false }, f.admin.staffId);
    const core = tamperAndReopen(sql);
    expect(core.problem).toBe('REGISTRY_MISMATCH');
    expect(core.startup.registry).toMatchObject({ status: 'mismatch', differences: [{ entity, problem: 'differs', field }] });
  });

  it('a row inserted without its event is reported as unrecorded, a deleted one as missing', () => {
    f.core.close();
    const raw = new Database(f.dbPath);
    raw.pragma('foreign_keys = OFF');
    raw.prepare(
      "INSERT INTO tags (tag_id, kind, canonical, raw_input, device_id, created_at) VALUES ('sneaky', 'device_sticker', 'STK-X', 'STK-X', ?, 't')",
    ).run(f.phones[1]!.deviceId);
    raw.prepare('DELETE FROM tags WHERE canonical = ?').run('STK-1');
    raw.close();
    reopened = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
    const registry = reopened.startup.registry;
    expect(registry?.status).toBe('mismatch');
    const found = registry?.status === 'mismatch' ? registry.differences.map((d) => [d.entity, d.problem]) : [];
    expect(found).toEqual(expect.arrayContaining([['tags', 'missing'], ['tags', 'unrecorded']]));
    expect(registry).toMatchObject({ differences: expect.arrayContaining([expect.objectContaining({ id: 'sneaky', problem: 'unrecorded' })]) });
  });

  it('names what differs by id and field only, never by a name or a value', () => {
    const core = tamperAndReopen("UPDATE pupils SET roepnaam = 'Geheim', achternaam = 'Anders' WHERE external_key = 'EXT-1'");
    const report = JSON.stringify(core.startup.registry);
    for (const secret of ['Geheim', 'Anders', 'Kind1', 'Achternaam1', 'EXT-1']) expect(report).not.toContain(secret);
  });

  it('tells the screen why it will not write', async () => {
    const core = tamperAndReopen("UPDATE devices SET active = 0 WHERE device_id = ?", f.phones[0]!.deviceId);
    const gateway = createGateway(createHandlers(core, { exitKiosk: () => undefined }));
    expect(await gateway.invoke('getHealth', {})).toMatchObject({ ok: true, value: { writable: false, problem: 'REGISTRY_MISMATCH' } });
  });

  it('does not compare a name the ledger no longer holds (erased), but still the rest of the row', () => {
    const pupil = f.pupils[0]!;
    const registered = readEvents(f.core.db, { pupilId: pupil.pupilId, types: ['pupil_registered'] }).events[0]!;
    f.s.redactPayloads({ seqs: [registered.seq], reason: 'request', actor: f.office.staffId });
    let core = tamperAndReopen("UPDATE pupils SET roepnaam = 'Geanonimiseerd' WHERE pupil_id = ?", pupil.pupilId);
    expect(core.startup).toMatchObject({ problem: null, registry: { status: 'ok' } });
    core.close();
    core = tamperAndReopen("UPDATE pupils SET groep = '3C' WHERE pupil_id = ?", pupil.pupilId);
    expect(core.problem).toBe('REGISTRY_MISMATCH');
  });
});
