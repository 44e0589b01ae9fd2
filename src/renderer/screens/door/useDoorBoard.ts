import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { CustodyOutcome } from '../../../shared/contract/custody';
import type { ScanEvent } from '../../../shared/contract/events';
import type { Settings } from '../../../shared/contract/settings';
import { call } from '../../bridge';
import { playSound } from '../../feedback/sounds';
import { boardReducer, DAMAGE_UNDO_MS, emptyBoard, type Board, type DeviceChoice, type EnrolTarget } from './board';
import type { DoorMode } from './doorMode';
import { scanProblemOf } from './problems';
import { recordScanTiming, scanStartedAt } from './scanMetrics';
import type { ConditionMark } from './types';

export interface DoorBoard {
  board: Board;
  onScan(event: ScanEvent): void;
  choose(device: DeviceChoice): void;
  closeChoice(): void;
  openDamage(entryId: number): void;
  closeDamage(entryId: number): void;
  noteDamage(entryId: number, mark: ConditionMark): void;
  /** "Ongedaan maken" right after a damage tap: a correction voids the note. */
  undoDamage(entryId: number): void;
  /** A hand-in made outside the scan path (a teacher's enrolment): shown as any confirmation. */
  showHandIn(outcome: CustodyOutcome): void;
}

const TICK_MS = 250;

/**
 * The door's behaviour: every scan becomes one `scan` call; its answer (or error) becomes an
 * entry on the board with its sound. Calls run side by side — the next pupil never waits for the
 * previous pupil's answer — and each answer lands on top when it arrives.
 */
export function useDoorBoard(mode: DoorMode, sound: Settings['sound']): DoorBoard {
  const [board, dispatch] = useReducer(boardReducer, emptyBoard);
  const modeRef = useRef(mode);
  const soundRef = useRef(sound);
  useEffect(() => {
    modeRef.current = mode;
    soundRef.current = sound;
  }, [mode, sound]);

  const show = useCallback((outcome: CustodyOutcome, forMode: DoorMode, start?: { at: number; source: ScanEvent['source'] }) => {
    dispatch({
      type: 'done',
      at: performance.now(),
      mode: forMode,
      outcome,
      ...(start ? { scanStartedAt: start.at, source: start.source } : {}),
    });
    playSound(outcome.exempt ? 'kept' : outcome.repeat ? 'repeat' : 'success', soundRef.current);
  }, []);

  const fail = useCallback((error: unknown, forMode: DoorMode, start?: { at: number; source: ScanEvent['source'] }, read?: EnrolTarget) => {
    const problem = scanProblemOf(error);
    const at = performance.now();
    if (problem.kind === 'choose') {
      dispatch({ type: 'choose', at, mode: forMode, devices: problem.devices });
      playSound('attention', soundRef.current);
      return;
    }
    dispatch({
      type: 'problem',
      at,
      code: problem.code,
      message: problem.message,
      tone: problem.tone,
      ...(start ? { scanStartedAt: start.at, source: start.source } : {}),
      // Only a code the kiosk has never seen can be enrolled; a revoked or misread one cannot.
      ...(read !== undefined && forMode === 'hand-in' && problem.code === 'UNKNOWN_TAG' ? { enrol: read } : {}),
    });
    playSound('error', soundRef.current);
  }, []);

  const onScan = useCallback(
    (event: ScanEvent) => {
      const start = { at: scanStartedAt(event.source, event.at, performance.now(), Date.now()), source: event.source };
      const forMode = modeRef.current;
      call('scan', { code: event.code, mode: forMode }).then(
        (outcome) => show(outcome, forMode, start),
        (error: unknown) => fail(error, forMode, start, { code: event.code, tagKind: event.nfc ? 'nfc' : 'device_sticker' }),
      );
    },
    [show, fail],
  );

  const choose = useCallback(
    (device: DeviceChoice) => {
      const choice = board.choice;
      if (!choice) return;
      dispatch({ type: 'closeChoice' });
      const request =
        choice.mode === 'hand-in' ? call('handIn', { deviceId: device.deviceId }) : call('returnDevice', { deviceId: device.deviceId });
      request.then(
        (outcome) => show(outcome, choice.mode),
        (error: unknown) => fail(error, choice.mode),
      );
    },
    [board.choice, show, fail],
  );

  const noteDamage = useCallback(
    (entryId: number, mark: ConditionMark) => {
      const entry = board.entries.find((e) => e.id === entryId);
      if (entry?.kind !== 'done') return;
      dispatch({ type: 'damage', id: entryId, damage: { step: 'saving', mark }, at: performance.now() });
      call('noteCondition', { deviceId: entry.outcome.device.deviceId, marks: [mark] }).then(
        (noted) => {
          const at = performance.now();
          dispatch({ type: 'damage', id: entryId, damage: { step: 'done', mark, seq: noted.event.seq, undoUntil: at + DAMAGE_UNDO_MS }, at });
          playSound('success', soundRef.current);
        },
        () => {
          dispatch({ type: 'damage', id: entryId, damage: { step: 'failed' }, at: performance.now() });
          playSound('error', soundRef.current);
        },
      );
    },
    [board.entries],
  );

  const undoDamage = useCallback(
    (entryId: number) => {
      const entry = board.entries.find((e) => e.id === entryId);
      if (entry?.kind !== 'done' || entry.damage.step !== 'done') return;
      const { mark, seq } = entry.damage;
      dispatch({ type: 'damage', id: entryId, damage: { step: 'undoing', mark, seq }, at: performance.now() });
      call('undoConditionNote', { seq }).then(
        () => dispatch({ type: 'damage', id: entryId, damage: { step: 'undone' }, at: performance.now() }),
        () => {
          dispatch({ type: 'damage', id: entryId, damage: { step: 'failed' }, at: performance.now() });
          playSound('error', soundRef.current);
        },
      );
    },
    [board.entries],
  );

  // Entries fade and go; the timer runs only while there is something to take away.
  const busy = board.entries.length > 0 || board.choice !== null;
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(() => dispatch({ type: 'tick', at: performance.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, [busy]);

  // The confirmation is in the DOM now: that is the end of "scan to confirmation".
  const timed = useRef(new Set<number>());
  useLayoutEffect(() => {
    for (const entry of board.entries) {
      if (entry.scanStartedAt === undefined || timed.current.has(entry.id)) continue;
      timed.current.add(entry.id);
      recordScanTiming({
        source: entry.source ?? 'unknown',
        result: entry.kind === 'problem' ? 'problem' : entry.outcome.repeat ? 'repeat' : 'confirmed',
        ms: performance.now() - entry.scanStartedAt,
      });
    }
  }, [board.entries]);

  return {
    board,
    onScan,
    choose,
    closeChoice: useCallback(() => dispatch({ type: 'closeChoice' }), []),
    openDamage: useCallback((id: number) => dispatch({ type: 'damage', id, damage: { step: 'picking' }, at: performance.now() }), []),
    closeDamage: useCallback((id: number) => dispatch({ type: 'damage', id, damage: { step: 'none' }, at: performance.now() }), []),
    noteDamage,
    undoDamage,
    showHandIn: useCallback((outcome: CustodyOutcome) => show(outcome, 'hand-in'), [show]),
  };
}
