import type pg from 'pg';
import { connectCentral, describeUrl, closeQuietly } from '../../core/central/connect';
import { CentralSchemaError } from '../../core/central/schema/migrate';
import { KioskKeyMismatch } from '../../core/central/registry';
import { rolloutConfigPath } from '../../core/paths';
import { readRolloutConfig } from '../../core/rollout/read';
import { AppError } from '../../shared/errors';

/**
 * The central database's URL: `--url`, else INLEVERPUNT_CENTRAL_URL (which keeps the password
 * out of the shell history and the process list), else (given `saved`, the kiosk database's) the
 * address saved on the settings screen, else `central.url` of the roll-out file (best without a
 * password: every user of the PC can read that file; pg then reads ~/.pgpass). It is never printed.
 */
export function centralUrl(flag: string | undefined, saved?: () => string | undefined): string {
  const url = flag ?? process.env.INLEVERPUNT_CENTRAL_URL ?? saved?.() ?? rolloutCentralUrl();
  if (!url) throw new AppError('CENTRAL_URL_MISSING');
  return url;
}

function rolloutCentralUrl(): string | undefined {
  const read = readRolloutConfig(rolloutConfigPath());
  return read.kind === 'valid' ? read.config.central?.url : undefined;
}

/** Runs `fn` connected to the central database; a failed connection is CENTRAL_UNREACHABLE naming the target, not the password. */
export async function withCentralCli<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  let client: pg.Client;
  try {
    client = await connectCentral(url);
  } catch {
    throw new AppError('CENTRAL_UNREACHABLE', { target: describeUrl(url) });
  }
  try {
    return await fn(client);
  } catch (error) {
    if (error instanceof CentralSchemaError) throw new AppError('CENTRAL_SCHEMA_NEWER', { found: error.found, supported: error.supported });
    if (error instanceof KioskKeyMismatch) throw new AppError('CENTRAL_KEY_MISMATCH');
    throw error;
  } finally {
    await closeQuietly(client);
  }
}
