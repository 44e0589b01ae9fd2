import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCore, type Core } from '../../../../src/core';
import { seedDemoSchool } from '../../../../src/core/demo/seed';
import { TEST_PIN_COST } from '../../support/custodyFixture';

export const SEEDED_AT = new Date('2026-11-01T06:00:00.000Z');

/** A kiosk with a small school on its own database file (each one is a new kiosk identity). */
export function kioskDatabase(dbPath: string): Core {
  const core = openCore({ dbPath, appVersion: 'test', now: () => SEEDED_AT, pinCost: TEST_PIN_COST });
  seedDemoSchool(core, { now: SEEDED_AT, history: false });
  return core;
}

/** 07:00 UTC on the given day of November 2026, plus `minutes`. */
export const novemberDay = (day: number, minutes = 0): Date => new Date(Date.UTC(2026, 10, day, 7, minutes));

/** Every file in the folder with its bytes, to show that nothing was deleted or changed. */
export function snapshotOf(dir: string, names: readonly string[]): Map<string, Buffer> {
  return new Map(names.map((name) => [name, readFileSync(join(dir, name))]));
}

/** The files of the snapshot that are gone or no longer hold the same bytes. */
export function changedOrGone(dir: string, snapshot: Map<string, Buffer>): string[] {
  return [...snapshot].filter(([name, bytes]) => !existsSync(join(dir, name)) || !readFileSync(join(dir, name)).equals(bytes)).map(([name]) => name);
}

/** Overwrites the first page (the header and the schema): SQLite no longer sees a database. */
export function wipeHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(Math.min(4096, statSync(path).size), 0));
  } finally {
    closeSync(fd);
  }
}

export const filesIn = (dir: string): string[] => readdirSync(dir).sort();
