import type { RolloutOutcome } from '../../shared/contract/rollout';
import type { Settings } from '../../shared/contract/settings';
import type { EventName, EventPayload } from '../../shared/contract';
import type { BackupShell } from './privacyHandlers';
import type { AutoSync } from '../central/autoSync';

export interface SaveFileRequest {
  fileName: string;
  extension: 'csv' | 'xlsx' | 'pdf';
}

/** What only the hosting process can do (Electron's app, or the test bridge's stand-in). */
export interface ShellActions extends BackupShell {
  exitKiosk(): void;
  /** The host applies what it owns (the HID reader) when the settings change. */
  settingsChanged?(settings: Settings): void;
  /**
   * Closes the core, puts the newest good backup in place (restoreNewestBackup) and starts again
   * on it. Returns the restored ledger's last seq; throws NO_GOOD_BACKUP when there is none.
   */
  restoreFromBackup?(): { lastSeq: number };
  /** Tells the screen something that is not a call's answer (an export's progress). */
  push?<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** What the host's start did with the roll-out file (applyRolloutAtStart), for getHealth. */
  readonly rollout?: RolloutOutcome;
  /** Where INLEVERPUNT_CENTRAL_URL is read (process.env unless a test gives its own). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Asks the user where to save a file the core then writes itself, in a stream (a save dialog in
   * Electron): for files too large to cross to the screen. Null when the user cancels.
   */
  chooseSaveFile?(suggested: SaveFileRequest): Promise<string | null>;
  /** The host's automatic sync to the central database, for "sync now" (absent where no host runs one). */
  readonly sync?: AutoSync;
}
