import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAllCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { isAppError } from '../../../src/shared/errors';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

type Op =
  | { kind: 'handIn' | 'return' | 'note' | 'confiscate' | 'release' | 'toSafe' | 'toColleague'; device: number }
  | { kind: 'scan'; device: number; mode: 'hand-in' | 'return' }
  | { kind: 'correct'; pick: number }
  | { kind: 'wait'; ms: number };

const device = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('handIn', 'return', 'note', 'confiscate', 'release', 'toSafe', 'toColleague'), device }),
  fc.record({ kind: fc.constant('scan'), device, mode: fc.constantFrom('hand-in', 'return') }),
  fc.record({ kind: fc.constant('correct'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('wait'), ms: fc.constantFrom(5_000, 61_000, 3_600_000) }),
) as fc.Arbitrary<Op>;

function apply(f: ClassFixture, o: Op): void {
  const s = f.s;
  const teacher = f.teacher.staffId;
  if (o.kind === 'wait') return f.clock.advance(o.ms);
  if (o.kind === 'correct') {
    const seqs = (f.core.db.prepare("SELECT seq FROM ledger_events WHERE type IN ('handed_in','returned','transferred','confiscated','released_to_guardian','condition_noted') ORDER BY seq").all() as { seq: number }[]).map((r) => r.seq);
    if (seqs.length === 0) return;
    s.correct({ seq: seqs[o.pick % seqs.length]!, reason: 'correctie', actor: teacher });
    return;
  }
  const deviceId = f.phones[o.device]!.deviceId;
  switch (o.kind) {
    case 'handIn':
      s.handIn({ deviceId, actor: 'pupil' });
      break;
    case 'scan':
      s.scan({ code: `STK-${o.device + 1}`, mode: o.mode, actor: 'pupil' });
      break;
    case 'return':
      s.returnDevice({ deviceId, actor: teacher });
      break;
    case 'note':
      s.noteCondition({ deviceId, actor: 'pupil', marks: ['other'] });
      break;
    case 'confiscate':
      s.confiscate({ deviceId, actor: teacher, reason: 'sanctie', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
      break;
    case 'release':
      s.releaseToGuardian({ deviceId, actor: teacher, guardianName: 'Ouder' });
      break;
    case 'toSafe':
      s.transfer({ deviceId, actor: teacher, to: { locationId: f.safe.locationId } });
      break;
    case 'toColleague':
      s.transfer({ deviceId, actor: teacher, to: { staffId: f.witness.staffId } });
      break;
  }
}

describe('the custody projection', () => {
  it('always equals a replay of the ledger, whatever the sequence of operations and corrections', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const f = classFixture({ size: 3 });
        try {
          for (const o of ops) {
            try {
              apply(f, o);
            } catch (e) {
              if (!isAppError(e)) throw e; // refused by an invariant: fine, nothing written
            }
          }
          const incremental = readAllCustody(f.core.db);
          rebuildProjection(f.core.db);
          expect(readAllCustody(f.core.db)).toEqual(incremental);
          expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
        } finally {
          f.close();
        }
      }),
      { numRuns: process.env.CI ? 150 : 50 },
    );
  });
});
