import { describe, expect, it } from 'vitest';
import type { CustodyOutcome } from '../../../src/shared/contract/custody';
import {
  boardReducer,
  CHOICE_MS,
  DAMAGE_UNDO_MS,
  emptyBoard,
  ENTRY_MS,
  MAX_ENTRIES,
  NOTED_MS,
  pickingEntry,
  PROBLEM_MS,
  remaining,
  type Board,
  type BoardAction,
} from '../../../src/renderer/screens/door/board';

function outcome(n: number, repeat = false): CustodyOutcome {
  return {
    event: {
      seq: n,
      eventId: `e${n}`,
      type: 'handed_in',
      occurredAt: '2025-09-01T06:21:00.000Z',
      actor: 'pupil',
      custodian: null,
      deviceId: `d${n}`,
      pupilId: `p${n}`,
      locationId: null,
      pouchId: `po${n}`,
      voidsSeq: null,
      hash: 'ab',
    },
    repeat,
    device: { deviceId: `d${n}`, kind: 'smartphone', description: `telefoon ${n}` },
    pupil: { pupilId: `p${n}`, roepnaam: `Kind${n}`, surnameInitial: null, fullName: null, groep: '7A' },
    pouch: { pouchId: `po${n}`, number: n, locationName: 'Telefoontas 7A' },
  };
}

const run = (actions: BoardAction[], board: Board = emptyBoard) => actions.reduce(boardReducer, board);
const done = (n: number, at: number): BoardAction => ({ type: 'done', at, mode: 'hand-in', outcome: outcome(n) });

describe('the door’s board of confirmations', () => {
  it('puts the newest on top and never blocks: five pupils in a row are all there', () => {
    const board = run([1, 2, 3, 4, 5].map((n) => done(n, n * 100)));
    expect(board.entries.map((e) => (e.kind === 'done' ? e.outcome.pupil?.roepnaam : null))).toEqual([
      'Kind5',
      'Kind4',
      'Kind3',
      'Kind2',
      'Kind1',
    ]);
  });

  it('keeps only the newest few', () => {
    const board = run(Array.from({ length: MAX_ENTRIES + 3 }, (_, i) => done(i + 1, i)));
    expect(board.entries).toHaveLength(MAX_ENTRIES);
    expect(board.entries[0]!.id).toBeGreaterThan(board.entries[1]!.id);
  });

  it('each confirmation fades and goes after about six seconds; an error stays a little longer', () => {
    const board = run([
      done(1, 0),
      { type: 'problem', at: 0, code: 'UNKNOWN_TAG', message: { nl: 'onbekend', en: 'unknown' }, tone: 'error' },
    ]);
    expect(remaining(board.entries[1]!, ENTRY_MS / 2)).toBeCloseTo(0.5);
    const later = boardReducer(board, { type: 'tick', at: ENTRY_MS + 1 });
    expect(later.entries.map((e) => e.kind)).toEqual(['problem']);
    expect(boardReducer(later, { type: 'tick', at: PROBLEM_MS + 1 }).entries).toEqual([]);
  });

  it('an entry whose damage picker is open stays, however long the pupil looks; after "Genoteerd" it stays while its undo is offered', () => {
    const opened = run([done(1, 0), { type: 'damage', id: 1, damage: { step: 'picking' }, at: 1000 }]);
    expect(pickingEntry(opened)?.id).toBe(1);
    const waited = boardReducer(opened, { type: 'tick', at: 60_000 });
    expect(waited.entries).toHaveLength(1);
    const noted = run(
      [
        { type: 'damage', id: 1, damage: { step: 'saving', mark: 'screen_cracked' }, at: 60_000 },
        { type: 'damage', id: 1, damage: { step: 'done', mark: 'screen_cracked', seq: 7, undoUntil: 60_100 + DAMAGE_UNDO_MS }, at: 60_100 },
      ],
      waited,
    );
    expect(pickingEntry(noted)).toBeNull();
    expect(DAMAGE_UNDO_MS).toBeGreaterThan(NOTED_MS);
    expect(boardReducer(noted, { type: 'tick', at: 60_100 + DAMAGE_UNDO_MS - 1 }).entries).toHaveLength(1);
    expect(boardReducer(noted, { type: 'tick', at: 60_100 + DAMAGE_UNDO_MS + 1 }).entries).toHaveLength(0);
    // Undone: the card says so for a moment, then goes.
    const undone = run(
      [
        { type: 'damage', id: 1, damage: { step: 'undoing', mark: 'screen_cracked', seq: 7 }, at: 62_000 },
        { type: 'damage', id: 1, damage: { step: 'undone' }, at: 62_100 },
      ],
      noted,
    );
    expect(boardReducer(undone, { type: 'tick', at: 62_100 + NOTED_MS - 1 }).entries).toHaveLength(1);
  });

  it('one damage picker at a time', () => {
    const board = run([
      done(1, 0),
      done(2, 10),
      { type: 'damage', id: 1, damage: { step: 'picking' }, at: 20 },
      { type: 'damage', id: 2, damage: { step: 'picking' }, at: 30 },
    ]);
    expect(board.entries.filter((e) => e.kind === 'done' && e.damage.step === 'picking').map((e) => e.id)).toEqual([2]);
  });

  it('a choice between devices waits for a tap, is answered by the hand-in of one of them, and gives up after a while', () => {
    const devices = [
      { deviceId: 'd1', kind: 'smartphone' as const, description: 'telefoon' },
      { deviceId: 'd9', kind: 'smartwatch' as const, description: 'horloge' },
    ];
    const asked = run([{ type: 'choose', at: 0, mode: 'hand-in', devices }]);
    expect(asked.choice?.devices).toHaveLength(2);
    // Another pupil's confirmation does not close it …
    expect(boardReducer(asked, done(5, 100)).choice).not.toBeNull();
    // … the chosen device's does.
    expect(boardReducer(asked, done(1, 100)).choice).toBeNull();
    expect(boardReducer(asked, { type: 'tick', at: CHOICE_MS + 1 }).choice).toBeNull();
  });

  it('remembers when the scan happened, for the scan-to-confirmation timing', () => {
    const board = run([{ type: 'done', at: 50, mode: 'hand-in', outcome: outcome(1), scanStartedAt: 10, source: 'wedge' }]);
    expect(board.entries[0]).toMatchObject({ scanStartedAt: 10, source: 'wedge' });
  });
});
