import type { ClientBase } from 'pg';
import { closeQuietly, connectCentral } from './connect';

/** What "test connection" found; never the URL or the password, only what may be shown. */
export type CentralProbe =
  | {
      ok: true;
      kiosks: number;
      /** Whether this login may read every kiosk's events: the board's office role (or the owner). */
      readsBoard: boolean;
    }
  | { ok: false; reason: 'unreachable' | 'login_refused' | 'no_database' | 'no_schema' | 'no_permission' };

/** Connects with `url` and looks at what the board's office would use, without changing anything. */
export async function probeCentral(url: string, timeoutMs = 5000): Promise<CentralProbe> {
  let client;
  try {
    client = await connectCentral(url, timeoutMs);
  } catch (error) {
    return { ok: false, reason: connectReason(error) };
  }
  try {
    return await inspect(client);
  } catch (error) {
    return { ok: false, reason: (error as { code?: string }).code === '42501' ? 'no_permission' : 'unreachable' };
  } finally {
    await closeQuietly(client);
  }
}

async function inspect(client: ClientBase): Promise<CentralProbe> {
  const schema = await client.query<{ t: string | null }>("SELECT to_regclass('central.kiosks')::text AS t");
  if (!schema.rows[0]?.t) return { ok: false, reason: 'no_schema' };
  const kiosks = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM central.kiosks');
  const reads = await client.query<{ r: boolean }>("SELECT has_table_privilege('central.events', 'SELECT') AS r");
  return { ok: true, kiosks: kiosks.rows[0]?.n ?? 0, readsBoard: reads.rows[0]?.r === true };
}

function connectReason(error: unknown): 'unreachable' | 'login_refused' | 'no_database' {
  const code = (error as { code?: string }).code;
  if (code === '28P01' || code === '28000') return 'login_refused';
  if (code === '3D000') return 'no_database';
  return 'unreachable';
}
