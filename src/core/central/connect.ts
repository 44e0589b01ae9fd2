import pg from 'pg';

/**
 * A connection to the central database. The URL holds a password: it is never printed or put in
 * an error message; `describeUrl` gives what may be shown (host, port, database, user).
 */
export async function connectCentral(url: string, timeoutMs = 10_000): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'inleverpunt' });
  // A dropped connection surfaces at the next query; an unhandled 'error' event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await closeQuietly(client);
    throw error;
  }
  return client;
}

/**
 * Ends a connection that may already be gone: after a cut or a server restart pg's `end()` can
 * wait for an 'end' event that has already passed, so it is given a moment and then abandoned.
 */
export async function closeQuietly(client: pg.Client | undefined): Promise<void> {
  if (!client) return;
  await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username || '?'}@${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

export async function withCentral<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectCentral(url);
  try {
    return await fn(client);
  } finally {
    await closeQuietly(client);
  }
}

/** Whether an error means the connection went (network cut, server restart), not a refusal: worth a retry. */
export function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string') {
    if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(e.code)) return true;
    // admin_shutdown, crash_shutdown, cannot_connect_now, connection_failure
    if (['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004'].includes(e.code)) return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(e?.message ?? '');
}
