import { existsSync, renameSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { DEMO_DEFAULT_SEED, seedDemoSchool, type DemoSchool } from '../../core/demo/seed';
import { AppError } from '../../shared/errors';
import { holdsSchoolData } from '../../core/demo/empty';
import { output, type CliCommand } from '../command';
import { appVersion } from '../database';

const USAGE = 'demo [--force] [--seed N] [--no-history]';

/**
 * Creates a database filled with the demo school, to try the kiosk without real pupils. It never
 * mixes demo data into a database that holds anything; with --force that database is moved aside
 * (kept, like a restore keeps the file it replaces), never deleted.
 */
export const demo: CliCommand = {
  name: 'demo',
  summary: 'Create a database with a demo school (pupils, devices, tags, staff PINs, two weeks of history)',
  usage: USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        force: { type: 'boolean', default: false },
        seed: { type: 'string' },
        'no-history': { type: 'boolean', default: false },
      },
    });
    const seed = values.seed === undefined ? DEMO_DEFAULT_SEED : Number(values.seed);
    if (!Number.isSafeInteger(seed) || seed < 0) {
      ctx.io.stderr(`--seed must be a whole number.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    let movedAside: string | null = null;
    if (existsSync(ctx.dbPath) && holdsData(ctx.dbPath)) {
      if (!values.force) throw new AppError('DB_NOT_EMPTY', { path: ctx.dbPath });
      movedAside = moveAside(ctx.dbPath);
    }
    const core = openCore({ dbPath: ctx.dbPath, appVersion: appVersion() });
    try {
      const school = seedDemoSchool(core, { seed, history: !values['no-history'] });
      output(ctx, { dbPath: ctx.dbPath, movedAside, ...school }, () => describe(ctx.dbPath, movedAside, school));
      return 0;
    } finally {
      core.close();
    }
  },
};

function holdsData(dbPath: string): boolean {
  const core = openCore({ dbPath, appVersion: appVersion() });
  try {
    return holdsSchoolData(core.db);
  } finally {
    core.close();
  }
}

function moveAside(dbPath: string): string {
  const aside = `${dbPath}.replaced-${new Date().toISOString().replace(/[-:.]/g, '')}`;
  renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}

function describe(dbPath: string, movedAside: string | null, school: DemoSchool): string {
  const lines = [`Demo school written to ${dbPath}`];
  if (movedAside) lines.push(`The database that was there is kept as ${movedAside}`);
  lines.push(
    `${school.pupils.length} pupils in ${school.groups.map((g) => g.groep).join(' and ')}, ${school.devices.length} devices, ${school.tags.length} tags, ` +
      `${school.events} events in the ledger` +
      (school.history ? ` (registration and ${school.history.schoolDays.length} school days)` : ' (registration only)'),
    '',
    'Staff PINs:',
    ...Object.values(school.staff).map((s) => `  ${s.pin}  ${s.displayName} (${s.role})`),
    '',
    'Some codes to scan (npm run cli -- scan CODE --mode hand-in --db ...):',
  );
  for (const kind of ['device_sticker', 'nfc', 'pouch', 'pupil_card'] as const) {
    for (const tag of school.tags.filter((t) => t.kind === kind && !t.revoked).slice(0, 2)) {
      lines.push(`  ${tag.code.padEnd(15)} ${kind.padEnd(15)} ${tag.groep ?? ''} ${tag.deviceDescription ?? (tag.pouchNumber ? `vak ${tag.pouchNumber}` : '')}`);
    }
  }
  const revoked = school.tags.find((t) => t.revoked);
  if (revoked) lines.push(`  ${revoked.code.padEnd(15)} ${'revoked'.padEnd(15)} (refused: TAG_REVOKED)`);
  lines.push('', 'All codes: demo --json');
  return lines.join('\n');
}
