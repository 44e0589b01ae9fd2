import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Core } from '../../../../src/core';
import { backupDirFor } from '../../../../src/core/backup/backup';
import { scheduledBackup } from '../../../../src/core/backup/folder';
import { seedDemoSchool, type DemoSchool } from '../../../../src/core/demo/seed';
import { createHost, type Host, type HostOptions } from '../../../../src/core/host';
import type { EventName } from '../../../../src/shared/contract';
import { tempDir } from '../../../support/tempDb';
import { novemberDay } from '../../backup/support/kioskDb';
import { TEST_PIN_COST } from '../../support/custodyFixture';

export const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

export interface Started {
  host: Host;
  dbPath: string;
  pushed: { event: EventName; payload: unknown }[];
  restarts: number;
  exits: number;
}

/** A host on a temp database, as Electron's main process or the test bridge starts one. */
export function startHost(options: Partial<HostOptions> & { dbPath?: string } = {}): Started {
  const dbPath = options.dbPath ?? newDbPath();
  const started: Started = { host: undefined as unknown as Host, dbPath, pushed: [], restarts: 0, exits: 0 };
  started.host = createHost({
    appVersion: 'test',
    now: () => novemberDay(7),
    pinCost: TEST_PIN_COST,
    ...options,
    dbPath,
    shell: {
      exitKiosk: () => void started.exits++,
      push: (event, payload) => void started.pushed.push({ event, payload }),
      restored: () => void started.restarts++,
    },
  });
  cleanups.push(() => started.host.close());
  return started;
}

export function newDbPath(): string {
  const tmp = tempDir('inleverpunt-host-');
  cleanups.push(tmp.cleanup);
  return tmp.dbPath;
}

export function openCoreOf(host: Host): Core {
  if (!host.core) throw new Error(`expected an open core, found ${JSON.stringify(host.state)}`);
  return host.core;
}

/** A kiosk with the demo school, a backup on 5 November, and one scan after that backup. */
export async function kioskWithBackup(): Promise<{ dbPath: string; demo: DemoSchool; scannedSeq: number }> {
  let demo: DemoSchool | undefined;
  const { host, dbPath } = startHost({ seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
  const core = openCoreOf(host);
  await scheduledBackup(core.db, backupDirFor(dbPath), novemberDay(5));
  const sticker = demo!.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
  const scannedSeq = core.services.scan({ code: sticker.code, mode: 'hand-in', actor: 'pupil' }).event.seq;
  host.close();
  return { dbPath, demo: demo!, scannedSeq };
}

export function tamperWithLedger(dbPath: string, seq: number): void {
  const raw = new Database(dbPath);
  raw.exec('DROP TRIGGER ledger_events_no_update');
  raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = ?").run(seq);
  raw.close();
}

