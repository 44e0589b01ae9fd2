import { z } from 'zod';
import { CentralUrl, type CentralConnectionView } from '../../shared/contract/board';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import type { Db } from '../db/open';
import { readRolloutConfig } from '../rollout/read';

/**
 * The central database as the settings screen saved it: in the settings table under a key of its
 * own, outside `Settings`, because the door reads those and this one holds a password. (It is in
 * the kiosk's backups like every setting; an IT partner who wants no password on the PC leaves it
 * out and lets PostgreSQL read ~/.pgpass or pgpass.conf.)
 */
const SETTING_KEY = 'central';
const Stored = z.object({ url: CentralUrl, board: z.boolean() });
type Stored = z.infer<typeof Stored>;

export interface CentralConnection {
  url: string;
  board: boolean;
  source: NonNullable<CentralConnectionView['source']>;
}

export interface CentralSources {
  /** The kiosk's database; null when it could not be opened (see backup/restoreCentral.ts). */
  db: Db | null;
  env: NodeJS.ProcessEnv;
  /** The machine-wide roll-out file, when the host applied one. */
  rolloutPath?: string | undefined;
}

export function readStoredCentral(db: Db): Stored | null {
  const raw = prepared<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(SETTING_KEY)?.value;
  if (raw === undefined) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Which central database this PC uses: the one saved on the settings screen, else
 * INLEVERPUNT_CENTRAL_URL (board mode with INLEVERPUNT_BOARD_MODE=1), else `central` of the
 * roll-out file, the same two the CLI's `sync` reads.
 */
export function resolveCentral({ db, env, rolloutPath }: CentralSources): CentralConnection | null {
  const stored = db && readStoredCentral(db);
  if (stored) return { ...stored, source: 'settings' };
  const fromEnv = env.INLEVERPUNT_CENTRAL_URL;
  if (fromEnv && CentralUrl.safeParse(fromEnv).success) return { url: fromEnv, board: env.INLEVERPUNT_BOARD_MODE === '1', source: 'environment' };
  if (!rolloutPath) return null;
  const read = readRolloutConfig(rolloutPath);
  const central = read.kind === 'valid' ? read.config.central : undefined;
  return central ? { url: central.url, board: central.board ?? false, source: 'rollout' } : null;
}

/** What the screen may see of a connection: never the password. */
export function viewOf(connection: CentralConnection | null): CentralConnectionView {
  if (!connection) return { source: null, url: null, passwordSet: false, board: false };
  let u: URL;
  try {
    u = new URL(connection.url);
  } catch {
    // A roll-out file's address that is no URL at all: shown as missing rather than echoed.
    return { source: connection.source, url: null, passwordSet: false, board: connection.board };
  }
  const passwordSet = u.password !== '';
  u.password = '';
  return { source: connection.source, url: u.toString(), passwordSet, board: connection.board };
}

/**
 * The URL to use for what the screen sent: its password when one is typed (in the URL or on its
 * own); else the password of `current` when that is the same login on the same server, so an
 * administrator changing only board mode or the port need not type it again.
 */
export function withPassword(url: string, password: string | undefined, current: string | null): string {
  const u = new URL(url);
  if (password) {
    u.password = password;
    return u.toString();
  }
  if (u.password || !current) return u.toString();
  const c = new URL(current);
  if (c.username === u.username && c.hostname === u.hostname) u.password = c.password;
  return u.toString();
}

/** Saves (or, with null, forgets) the settings screen's connection; the ledger records that it changed, not what to. */
export function storeCentral(ctx: ServiceContext, actorStaffId: string, value: Stored | null): void {
  writeTransaction(ctx, () => {
    if (value === null) prepared(ctx.db, 'DELETE FROM settings WHERE key = ?').run(SETTING_KEY);
    else {
      prepared(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        SETTING_KEY,
        JSON.stringify(Stored.parse(value)),
      );
    }
    appendEvent(ledgerWriter(ctx), { type: 'settings_changed', actor: actorStaffId, details: { key: SETTING_KEY } });
  });
}
