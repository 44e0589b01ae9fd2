import type { CustodyOutcome } from '../../../shared/contract/custody';
import type { ScanSource } from '../../../shared/contract/events';
import type { DeviceChoiceDetail } from '../../../shared/errors';
import type { ConditionMark } from './types';
import type { DoorMode } from './doorMode';

/**
 * What the door screen shows after scans: a short list of entries, newest first. The newest is
 * shown big, a few before it small, and each fades out after a while. A scan never waits for the
 * previous pupil's entry to go away: the next pupil's confirmation simply goes on top.
 *
 * Pure state (a reducer); the times are `performance.now()` milliseconds, passed in.
 */

/** How long an entry stays on screen. */
export const ENTRY_MS = 6000;
/** An error stays a little longer: the teacher may need to come over and read it. */
export const PROBLEM_MS = 10_000;
/** After "Genoteerd" the card stays this long, so the pupil sees it. */
export const NOTED_MS = 3000;
/** "Ongedaan maken" after a damage tap stays this long (the core allows a little more). */
export const DAMAGE_UNDO_MS = 8000;
/** The newest plus this many older entries. */
export const MAX_ENTRIES = 5;

export type DamageState =
  | { step: 'none' }
  | { step: 'picking' }
  | { step: 'saving'; mark: ConditionMark }
  /** Noted as event `seq`; undoable until `undoUntil` (performance.now() time). */
  | { step: 'done'; mark: ConditionMark; seq: number; undoUntil: number }
  | { step: 'undoing'; mark: ConditionMark; seq: number }
  | { step: 'undone' }
  | { step: 'failed' };

interface EntryBase {
  id: number;
  shownAt: number;
  expiresAt: number;
  /** When the scan that led here happened (performance.now()); absent for taps. */
  scanStartedAt?: number;
  source?: ScanSource;
}

export interface DoneEntry extends EntryBase {
  kind: 'done';
  mode: DoorMode;
  outcome: CustodyOutcome;
  damage: DamageState;
}

export interface ProblemEntry extends EntryBase {
  kind: 'problem';
  code: string;
  message: { nl: string; en: string } | null;
  /** 'warn': scan again or a teacher can sort it out quickly; 'error': the code is refused. */
  tone: 'warn' | 'error';
  /** An unknown code a teacher may enrol on the spot (EnrolDialog). */
  enrol?: EnrolTarget;
}

/** What the door read, as the enrolment stores it: an NFC reader's UID becomes an NFC tag. */
export interface EnrolTarget {
  code: string;
  tagKind: 'device_sticker' | 'nfc';
}

export type Entry = DoneEntry | ProblemEntry;

/** Exactly what a CHOOSE_DEVICE error lists (shared/errors). */
export type DeviceChoice = DeviceChoiceDetail;

/** A pupil card or pouch with several devices: the pupil taps which one. */
export interface Choice {
  id: number;
  mode: DoorMode;
  devices: DeviceChoice[];
  expiresAt: number;
}

export interface Board {
  entries: Entry[];
  choice: Choice | null;
  nextId: number;
  /** The last tick's time: what the fading is drawn against. */
  now: number;
}

export const emptyBoard: Board = { entries: [], choice: null, nextId: 1, now: 0 };

export type BoardAction =
  | { type: 'done'; at: number; mode: DoorMode; outcome: CustodyOutcome; scanStartedAt?: number; source?: ScanSource }
  | {
      type: 'problem';
      at: number;
      code: string;
      message: ProblemEntry['message'];
      tone: ProblemEntry['tone'];
      scanStartedAt?: number;
      source?: ScanSource;
      enrol?: EnrolTarget;
    }
  | { type: 'choose'; at: number; mode: DoorMode; devices: DeviceChoice[] }
  | { type: 'closeChoice' }
  | { type: 'damage'; id: number; damage: DamageState; at: number }
  | { type: 'tick'; at: number };

/** A choice waits this long for a tap. */
export const CHOICE_MS = 30_000;

function push(board: Board, entry: Entry): Board {
  return { ...board, entries: [entry, ...board.entries].slice(0, MAX_ENTRIES), nextId: board.nextId + 1, now: entry.shownAt };
}

/** Whether an entry must stay although its time is up: a pupil is busy noting damage on it. */
function pinned(entry: Entry): boolean {
  return entry.kind === 'done' && (entry.damage.step === 'picking' || entry.damage.step === 'saving' || entry.damage.step === 'undoing');
}

export function boardReducer(board: Board, action: BoardAction): Board {
  switch (action.type) {
    case 'done': {
      const entry: DoneEntry = {
        id: board.nextId,
        kind: 'done',
        mode: action.mode,
        outcome: action.outcome,
        damage: { step: 'none' },
        shownAt: action.at,
        expiresAt: action.at + ENTRY_MS,
        ...(action.scanStartedAt === undefined ? {} : { scanStartedAt: action.scanStartedAt }),
        ...(action.source === undefined ? {} : { source: action.source }),
      };
      // A hand-in chosen from the list answers that choice.
      const choice = board.choice && board.choice.devices.some((d) => d.deviceId === action.outcome.device.deviceId) ? null : board.choice;
      return push({ ...board, choice }, entry);
    }
    case 'problem':
      return push(board, {
        id: board.nextId,
        kind: 'problem',
        code: action.code,
        message: action.message,
        tone: action.tone,
        shownAt: action.at,
        expiresAt: action.at + PROBLEM_MS,
        ...(action.scanStartedAt === undefined ? {} : { scanStartedAt: action.scanStartedAt }),
        ...(action.source === undefined ? {} : { source: action.source }),
        ...(action.enrol === undefined ? {} : { enrol: action.enrol }),
      });
    case 'choose':
      return {
        ...board,
        choice: { id: board.nextId, mode: action.mode, devices: action.devices, expiresAt: action.at + CHOICE_MS },
        nextId: board.nextId + 1,
      };
    case 'closeChoice':
      return board.choice ? { ...board, choice: null } : board;
    case 'damage':
      return {
        ...board,
        entries: board.entries.map((e) => {
          if (e.kind !== 'done') return e;
          // One picker at a time: opening one closes another that was left open.
          if (e.id !== action.id) return action.damage.step === 'picking' && e.damage.step === 'picking' ? { ...e, damage: { step: 'none' } } : e;
          const held = action.damage.step === 'picking' || action.damage.step === 'saving' || action.damage.step === 'undoing';
          // The card stays while its undo is offered, and a moment after.
          const stay = action.damage.step === 'done' ? Math.max(NOTED_MS, action.damage.undoUntil - action.at) : NOTED_MS;
          return { ...e, damage: action.damage, expiresAt: held ? e.expiresAt : Math.max(e.expiresAt, action.at + stay) };
        }),
      };
    case 'tick': {
      const entries = board.entries.filter((e) => pinned(e) || e.expiresAt > action.at);
      const choice = board.choice && board.choice.expiresAt <= action.at ? null : board.choice;
      return { ...board, entries: entries.length === board.entries.length ? board.entries : entries, choice, now: action.at };
    }
  }
}

/** Fraction of its time an entry has left, 0…1, for fading it out. */
export function remaining(entry: Entry, now: number): number {
  if (pinned(entry)) return 1;
  const total = entry.expiresAt - entry.shownAt;
  return total <= 0 ? 0 : Math.min(1, Math.max(0, (entry.expiresAt - now) / total));
}

/** The entry whose damage picker is open, if any. */
export function pickingEntry(board: Board): DoneEntry | null {
  const entry = board.entries.find((e) => e.kind === 'done' && e.damage.step === 'picking');
  return entry?.kind === 'done' ? entry : null;
}
