import type { CentralMigration } from './migration';

/**
 * The way back after a restore (issue 15): a kiosk put back on an older backup finds the central
 * copy of its chain ahead and takes the missing events back from it. The kiosk's role still reads
 * no events table: it asks these functions, which answer only for the connected kiosk's own chain
 * (central.my_kiosk(), from the login role), and only read. Its checkpoints it reads already (row
 * level security on central.checkpoints). A sync that took events back says how many.
 */
export const c002CatchUp: CentralMigration = {
  version: 2,
  name: 'a kiosk reads its own chain back',
  sql: String.raw`
-- The connected kiosk's own events after a seq, in seq order, at most max_rows: what it takes back.
-- Another kiosk's id gives nothing (not an error: the answer must not tell which kiosks exist).
CREATE FUNCTION central.own_events(k text, after_seq bigint, max_rows integer)
  RETURNS TABLE (seq bigint, event_id text, occurred_at text, type text, actor text, custodian text, device_id text,
                 pupil_id text, location_id text, pouch_id text, voids_seq bigint, details text, payload_hash bytea,
                 prev_hash bytea, hash bytea, encoding smallint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$f$ SELECT e.seq, e.event_id, e.occurred_at, e.type, e.actor, e.custodian, e.device_id, e.pupil_id, e.location_id,
           e.pouch_id, e.voids_seq, e.details, e.payload_hash, e.prev_hash, e.hash, e.encoding
      FROM central.events e
     WHERE e.kiosk_id = k AND central.my_kiosk() = k AND e.seq > after_seq
     ORDER BY e.seq LIMIT least(greatest(max_rows, 0), 10000) $f$;
REVOKE ALL ON FUNCTION central.own_events(text, bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central.own_events(text, bigint, integer) TO inleverpunt_kiosk;

-- The hash the central copy holds at one seq of the connected kiosk's chain: where a restored
-- kiosk's own new events part from the central ones is found by a binary search over these.
CREATE FUNCTION central.own_event_hash(k text, at_seq bigint) RETURNS bytea
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$f$ SELECT e.hash FROM central.events e WHERE e.kiosk_id = k AND central.my_kiosk() = k AND e.seq = at_seq $f$;
REVOKE ALL ON FUNCTION central.own_event_hash(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central.own_event_hash(text, bigint) TO inleverpunt_kiosk;

-- How many events the kiosk took back in that sync (0 for every sync before this version).
ALTER TABLE central.syncs ADD COLUMN taken_back integer NOT NULL DEFAULT 0 CHECK (taken_back >= 0);
`,
};
