import type Database from 'better-sqlite3';

type Statement<R> = Database.Statement<unknown[], R>;

const caches = new WeakMap<Database.Database, Map<string, Statement<unknown>>>();

/**
 * The connection's prepared statement for `sql`, compiled once. The SQL text stays next to the
 * code that owns the table (call sites pass literals), while a scan at the door never pays for
 * compiling it again. Parameters are always bound, never spliced into the text. Text built with a
 * template literal belongs in a module constant: built per call it is hashed per call (a
 * microsecond or two, several times per scan).
 */
export function prepared<R = unknown>(db: Database.Database, sql: string): Statement<R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt as Statement<R>;
}

/** Like `prepared`, but rows come back as arrays in column order (the fast path for long walks). */
export function preparedRaw(db: Database.Database, sql: string): Statement<unknown[]> {
  const key = `raw:${sql}`;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = db.prepare(sql).raw(true);
    cache.set(key, stmt);
  }
  return stmt as Statement<unknown[]>;
}
