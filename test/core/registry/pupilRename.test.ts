import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { readEvents } from '../../../src/core/ledger/readModel';
import { checkRegistry } from '../../../src/core/registry/check';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/** A re-import corrects a spelling: the new names are a registry change like a new group. */
describe('renaming a pupil', () => {
  let f: ClassFixture;
  let reopened: Core | undefined;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => {
    reopened?.close();
    f.close();
  });

  const newNames = { roepnaam: 'Zoë', voorvoegsel: "van 't", achternaam: 'Hof' };

  it('records the new names in the erasable payload of pupil_changed, with the key, and the registry still matches', () => {
    const pupil = f.pupils[0]!;
    const after = f.s.changePupil(pupil.pupilId, { names: newNames }, f.office.staffId);
    expect(after).toMatchObject(newNames);
    const [event] = readEvents(f.core.db, { types: ['pupil_changed'] }).events;
    expect(event).toMatchObject({ pupilId: pupil.pupilId, payload: { ...newNames, externalKey: 'EXT-1' } });
    expect(JSON.stringify(event!.details)).not.toContain('Hof');
    expect(checkRegistry(f.core.db).status).toBe('ok');
  });

  it('a move to another group without new names copies no name into the ledger again', () => {
    f.s.changePupil(f.pupils[0]!.pupilId, { groep: '8B', names: { roepnaam: 'Kind1', voorvoegsel: '', achternaam: 'Achternaam1' } }, f.office.staffId);
    const [event] = readEvents(f.core.db, { types: ['pupil_changed'] }).events;
    expect(event).toMatchObject({ details: { groep: '8B' }, payload: null });
  });

  it('a name changed in the table behind the kiosk’s back, after a rename, is found at the next start', () => {
    f.s.changePupil(f.pupils[0]!.pupilId, { names: newNames }, f.office.staffId);
    f.core.close();
    const raw = new Database(f.dbPath);
    raw.prepare("UPDATE pupils SET achternaam = 'Anders' WHERE pupil_id = ?").run(f.pupils[0]!.pupilId);
    raw.close();
    reopened = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
    expect(reopened.problem).toBe('REGISTRY_MISMATCH');
    expect(reopened.startup.registry).toMatchObject({
      differences: [{ entity: 'pupils', id: f.pupils[0]!.pupilId, problem: 'differs', field: 'personal' }],
    });
  });
});
