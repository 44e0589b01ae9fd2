import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPayload } from '../../../src/core/ledger/rows';
import { readEvents } from '../../../src/core/ledger/readModel';
import { verifyAllChains } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { erasePupilOnRequest } from '../../../src/core/retention/eraseOnRequest';
import { getPupil } from '../../../src/core/services/pupils';
import { classFixture, errorOf, PINS, type ClassFixture } from '../support/custodyFixture';
import { checkpoint, foundIn } from './support';

describe('erasure on request (AVG art. 17)', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => f.close());

  const phone = () => f.phones[0]!.deviceId;
  const pupil = () => f.pupils[0]!.pupilId;
  const erase = (actor = f.office.staffId) => erasePupilOnRequest(f.s.context, { pupilId: pupil(), reason: 'verzoek ouders, brief 12 maart', actor });

  it("erases every trace of the pupil's data at once, keeps the chain valid, and deactivates pupil and devices", () => {
    f.s.handIn({ deviceId: phone(), actor: 'pupil' });
    const note = f.s.noteCondition({ deviceId: phone(), actor: 'pupil', marks: ['other'], note: 'NOTE-over-kind-een' });
    f.s.returnDevice({ deviceId: phone(), actor: f.teacher.staffId });
    checkpoint(f.core.db);
    expect(foundIn(f.dbPath, 'Achternaam1')).toEqual(['file']);

    const result = erase();
    expect(result.erased).toBeGreaterThanOrEqual(2); // the registration and the note at least
    expect(result.walEmptied).toBe(true);
    expect(getPayload(f.core.db, note.event.seq)).toBeNull();
    for (const text of ['Achternaam1', 'Kind1', 'EXT-1', 'telefoon 1', 'NOTE-over-kind-een']) expect(foundIn(f.dbPath, text), text).toEqual([]);
    expect(getPupil(f.s.context, pupil())).toMatchObject({ active: false, roepnaam: '' });
    expect(f.s.listDevices({ pupilId: pupil() })).toEqual([]);
    // The other pupil is untouched.
    expect(foundIn(f.dbPath, 'Achternaam2')).toEqual(['file']);
    const record = readEvents(f.core.db, { types: ['payload_redacted'] }).events[0]!;
    expect(record.details).toMatchObject({ reason: 'request', pupilId: pupil(), grounds: 'verzoek ouders, brief 12 maart' });
    expect(record.actor).toBe(f.office.staffId);
    expect(verifyAllChains(f.core.db).firstBad).toBeNull();
    expect(checkRegistry(f.core.db).status).toBe('ok');
  });

  it('is refused with a clear reason while a confiscation about the pupil is open, and allowed once it is closed', () => {
    f.s.handIn({ deviceId: phone(), actor: 'pupil' });
    f.s.confiscate({ deviceId: phone(), actor: f.teacher.staffId, reason: 'filmen', article: 'B.3', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    const refused = errorOf(() => erase());
    expect(refused).toMatchObject({ code: 'CASE_OPEN', details: { cases: 1 } });
    expect(getPupil(f.s.context, pupil())).toMatchObject({ active: true, roepnaam: 'Kind1' });
    expect(readEvents(f.core.db, { types: ['payload_redacted'] }).events).toEqual([]);

    f.s.releaseToGuardian({ deviceId: phone(), actor: f.teacher.staffId, guardianName: 'Dhr. Een' });
    expect(erase().erased).toBeGreaterThan(0);
    expect(foundIn(f.dbPath, 'Dhr. Een')).toEqual([]);
  });

  it('is refused while an incident about a held device is open', () => {
    f.s.handIn({ deviceId: phone(), actor: 'pupil' });
    f.s.reportIncident({ deviceId: phone(), actor: f.teacher.staffId, kind: 'damage', description: 'barst' });
    expect(errorOf(() => erase()).code).toBe('CASE_OPEN');
  });

  it('is for the office and the admin only, and needs a reason', () => {
    expect(errorOf(() => erase(f.teacher.staffId)).code).toBe('NOT_AUTHORISED');
    expect(errorOf(() => erasePupilOnRequest(f.s.context, { pupilId: pupil(), reason: '  ', actor: f.office.staffId })).code).toBe('INVALID_ARGUMENT');
  });
});
