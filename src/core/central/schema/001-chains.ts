import type { CentralMigration } from './migration';

const TEXT = (c: string) => `CASE WHEN ${c} IS NULL THEN '\\x00'::bytea ELSE '\\x01'::bytea || int4send(octet_length(${c})) || convert_to(${c}, 'UTF8') END`;
// u32be(high) u32be(low) of a non-negative integer is its 8-byte big-endian form.
const INT = (c: string) => `CASE WHEN ${c} IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || int8send(${c}) END`;
const BLOB = (c: string) => `CASE WHEN ${c} IS NULL THEN '\\x00'::bytea ELSE '\\x03'::bytea || int4send(octet_length(${c})) || ${c} END`;
const FIELDS: [string, (c: string) => string][] = [
  ['seq', INT], ['event_id', TEXT], ['kiosk_id', TEXT], ['occurred_at', TEXT], ['type', TEXT], ['actor', TEXT],
  ['custodian', TEXT], ['device_id', TEXT], ['pupil_id', TEXT], ['location_id', TEXT], ['pouch_id', TEXT],
  ['voids_seq', INT], ['details', TEXT], ['payload_hash', BLOB], ['prev_hash', BLOB],
];

/**
 * The event hash of src/core/ledger/hash.ts as one SQL expression over the columns of `row`:
 * typed, length-prefixed fields after the domain line, SHA-256 over all. Written out in full
 * rather than as nested SQL functions, which PostgreSQL would call (slowly) row by row.
 */
function hashSql(row: string): string {
  const fields = FIELDS.map(([name, encode]) => encode(`${row}.${name}`)).join('\n    || ');
  return `sha256(convert_to('inleverpunt-ledger-v' || ${row}.encoding || E'\\n', 'UTF8')\n    || ${fields})`;
}

/**
 * Every kiosk's chain, its signed checkpoints and the registry of kiosks and their keys, in one
 * schema `central`. The rules of the chain live in the database itself, not only in our client:
 * a kiosk's role appends only its own events, only the next seq on top of the stored head, only
 * with a hash that matches the fields (recomputed here in SQL, byte for byte as
 * src/core/ledger/hash.ts encodes them), and nobody updates or deletes.
 */
export const c001Chains: CentralMigration = {
  version: 1,
  name: 'chains, checkpoints, kiosks and roles',
  sql: String.raw`
DO $$ BEGIN
  IF current_setting('server_encoding') <> 'UTF8' THEN
    RAISE EXCEPTION 'central: the database must be UTF8 (event hashes are over UTF-8 bytes)';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inleverpunt_kiosk') THEN CREATE ROLE inleverpunt_kiosk NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inleverpunt_office') THEN CREATE ROLE inleverpunt_office NOLOGIN; END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS central;
REVOKE ALL ON SCHEMA central FROM PUBLIC;
GRANT USAGE ON SCHEMA central TO inleverpunt_kiosk, inleverpunt_office;

CREATE TABLE central.kiosks (
  kiosk_id      text PRIMARY KEY,
  school        text NOT NULL DEFAULT '',
  name          text NOT NULL DEFAULT '',
  -- The kiosk's Ed25519 key (32 raw bytes): its checkpoints are checked against it.
  public_key    bytea NOT NULL CHECK (octet_length(public_key) = 32),
  verifier_key  text NOT NULL,
  -- The login role that may append this kiosk's chain, and no other.
  db_role       name NOT NULL UNIQUE,
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE central.events (
  -- No foreign key: the arrival check finds the kiosk once per statement, not once per row.
  kiosk_id     text NOT NULL,
  seq          bigint NOT NULL CHECK (seq >= 1),
  event_id     text NOT NULL,
  -- Kept as the text that was hashed: a timestamp type would not give the same bytes back.
  occurred_at  text NOT NULL,
  type         text NOT NULL,
  actor        text NOT NULL,
  custodian    text,
  device_id    text,
  pupil_id     text,
  location_id  text,
  pouch_id     text,
  voids_seq    bigint CHECK (voids_seq >= 0),
  details      text NOT NULL,
  payload_hash bytea,
  prev_hash    bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash         bytea NOT NULL CHECK (octet_length(hash) = 32),
  encoding     smallint NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kiosk_id, seq)
);
CREATE INDEX events_occurred_at ON central.events (occurred_at);

-- The kiosk's checkpoints as it signed them (the whole C2SP signed note).
CREATE TABLE central.checkpoints (
  kiosk_id    text NOT NULL REFERENCES central.kiosks,
  tree_size   bigint NOT NULL CHECK (tree_size >= 0),
  root        bytea NOT NULL CHECK (octet_length(root) = 32),
  note        text NOT NULL,
  reason      text NOT NULL,
  signed_at   text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kiosk_id, tree_size)
);

-- The witness's public keys: whoever checks a cosigned note finds them here (the private key is not in the database).
CREATE TABLE central.witness_keys (
  key_name     text PRIMARY KEY,
  verifier_key text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- A checkpoint the witness checked against the stored chain, with its own signature line added.
CREATE TABLE central.cosignatures (
  kiosk_id      text NOT NULL,
  tree_size     bigint NOT NULL,
  witness       text NOT NULL REFERENCES central.witness_keys,
  cosigned_note text NOT NULL,
  witnessed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kiosk_id, tree_size, witness),
  FOREIGN KEY (kiosk_id, tree_size) REFERENCES central.checkpoints
);

-- What sync, the witness or an import found wrong with a kiosk: what the office is shown.
CREATE TABLE central.findings (
  id        bigserial PRIMARY KEY,
  kiosk_id  text NOT NULL REFERENCES central.kiosks,
  source    text NOT NULL CHECK (source IN ('sync', 'witness', 'import', 'verify')),
  problem   text NOT NULL,
  seq       bigint,
  found_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per sync a kiosk ran: when it last reached the board, and how it ended.
CREATE TABLE central.syncs (
  id          bigserial PRIMARY KEY,
  kiosk_id    text NOT NULL REFERENCES central.kiosks,
  synced_at   timestamptz NOT NULL DEFAULT now(),
  uploaded    integer NOT NULL CHECK (uploaded >= 0),
  head_seq    bigint NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('ok', 'refused', 'diverged'))
);
CREATE INDEX syncs_kiosk ON central.syncs (kiosk_id, synced_at);

-- The encoding of src/core/ledger/hash.ts, over a row of central.events: for ad-hoc checks in SQL.
CREATE FUNCTION central.event_hash(e central.events) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$f$ SELECT ${hashSql('e')} $f$;

-- Which kiosk the connection appends for (none for the office and the owner). The login role,
-- not current_user: inside the arrival checks (SECURITY DEFINER) current_user is the owner.
CREATE FUNCTION central.my_kiosk() RETURNS text LANGUAGE sql STABLE AS
$f$ SELECT kiosk_id FROM central.kiosks WHERE db_role = session_user $f$;

-- Whether the connection may append any kiosk's chain (bundle imports): the office, or the owner.
CREATE FUNCTION central.may_append_any() RETURNS boolean LANGUAGE sql STABLE AS
$f$ SELECT pg_has_role(session_user, 'inleverpunt_office', 'MEMBER')
        OR session_user = (SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = 'central' AND tablename = 'events') $f$;

-- A kiosk may not read the board's events (row-level security would forbid COPY): it asks for its own head here.
CREATE FUNCTION central.chain_head(k text) RETURNS TABLE (seq bigint, hash bytea)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$f$ SELECT e.seq, e.hash FROM central.events e
     WHERE e.kiosk_id = k AND (central.my_kiosk() = k OR central.may_append_any())
     ORDER BY e.seq DESC LIMIT 1 $f$;
REVOKE ALL ON FUNCTION central.chain_head(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central.chain_head(text) TO inleverpunt_kiosk, inleverpunt_office;

/*
 * On arrival, for the whole statement (INSERT or COPY) at once, in set-based SQL: a batch of a
 * thousand costs an index lookup per row, not a thousand procedure calls. Every new event must be
 * of the connected kiosk (or come from the office), of a registered kiosk and a known encoding,
 * carry the hash of its fields, and follow the stored event before it (seq one lower, whose hash
 * it names) or, as seq 1, the genesis hash. The primary key refuses a second event at a stored seq
 * (a resend or a fork: nothing is added either way), so no gap and no fork get in. SQLSTATEs
 * IL001..IL003 name the refusal for the client, at the lowest seq that fails.
 */
CREATE FUNCTION central.events_arrived() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$f$
DECLARE
  bad  record;
  mine text := central.my_kiosk();
BEGIN
  IF mine IS NOT NULL THEN
    SELECT a.kiosk_id INTO bad FROM arrived a WHERE a.kiosk_id <> mine LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'central: a kiosk appends only its own chain' USING ERRCODE = '42501';
    END IF;
  ELSIF NOT central.may_append_any() THEN
    RAISE EXCEPTION 'central: this role may not append events' USING ERRCODE = '42501';
  END IF;
  SELECT a.kiosk_id INTO bad FROM (SELECT DISTINCT kiosk_id FROM arrived) a
   WHERE NOT EXISTS (SELECT 1 FROM central.kiosks k WHERE k.kiosk_id = a.kiosk_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'central: events of a kiosk that is not registered' USING ERRCODE = 'IL003', DETAIL = format('kiosk %s', bad.kiosk_id);
  END IF;
  SELECT a.kiosk_id, a.seq, bad_hash, (a.seq > 1 AND p.hash IS NULL) AS missing INTO bad
    FROM arrived a
    LEFT JOIN central.events p ON p.kiosk_id = a.kiosk_id AND p.seq = a.seq - 1
   CROSS JOIN LATERAL (SELECT a.encoding NOT IN (1, 2) OR ${hashSql('a')} IS DISTINCT FROM a.hash AS bad_hash) h
   WHERE bad_hash
      OR CASE WHEN a.seq = 1 THEN a.prev_hash <> '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
              ELSE p.hash IS DISTINCT FROM a.prev_hash END
   ORDER BY a.kiosk_id, a.seq LIMIT 1;
  IF FOUND AND bad.bad_hash THEN
    RAISE EXCEPTION 'central: event hash does not match its fields' USING ERRCODE = 'IL001', DETAIL = format('kiosk %s seq %s', bad.kiosk_id, bad.seq);
  ELSIF FOUND AND bad.missing THEN
    RAISE EXCEPTION 'central: event is not the next of its chain' USING ERRCODE = 'IL003', DETAIL = format('kiosk %s seq %s', bad.kiosk_id, bad.seq);
  ELSIF FOUND THEN
    RAISE EXCEPTION 'central: event does not follow the stored chain (fork)' USING ERRCODE = 'IL002', DETAIL = format('kiosk %s seq %s', bad.kiosk_id, bad.seq);
  END IF;
  RETURN NULL;
END
$f$;
CREATE TRIGGER events_arrived AFTER INSERT ON central.events REFERENCING NEW TABLE AS arrived
  FOR EACH STATEMENT EXECUTE FUNCTION central.events_arrived();

-- A signed checkpoint is kept as signed: the same one again adds nothing, another note for a size already held is refused.
CREATE FUNCTION central.checkpoints_on_arrival() RETURNS trigger LANGUAGE plpgsql AS
$f$
DECLARE stored text;
BEGIN
  SELECT c.note INTO stored FROM central.checkpoints c WHERE c.kiosk_id = NEW.kiosk_id AND c.tree_size = NEW.tree_size;
  IF NOT FOUND THEN NEW.received_at := now(); RETURN NEW; END IF;
  IF stored = NEW.note THEN RETURN NULL; END IF;
  RAISE EXCEPTION 'central: another signed checkpoint for a tree size already held' USING ERRCODE = 'IL004', DETAIL = format('kiosk %s tree size %s', NEW.kiosk_id, NEW.tree_size);
END
$f$;
CREATE TRIGGER checkpoints_on_arrival BEFORE INSERT ON central.checkpoints FOR EACH ROW EXECUTE FUNCTION central.checkpoints_on_arrival();

-- Append-only for everyone, the owner included: corrections are new events, never edits.
CREATE FUNCTION central.append_only() RETURNS trigger LANGUAGE plpgsql AS
$f$ BEGIN RAISE EXCEPTION 'central: % is append-only', TG_TABLE_NAME USING ERRCODE = 'IL005'; END $f$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kiosks', 'events', 'checkpoints', 'witness_keys', 'cosignatures', 'findings', 'syncs'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON central.%I FOR EACH ROW EXECUTE FUNCTION central.append_only()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON central.%I FOR EACH STATEMENT EXECUTE FUNCTION central.append_only()', t || '_no_truncate', t);
  END LOOP;
END $$;

-- A kiosk's role appends its own events (checked on arrival) and sees its own rows of the other tables only;
-- the office reads all and imports bundles.
GRANT SELECT ON central.kiosks, central.witness_keys TO inleverpunt_kiosk, inleverpunt_office;
GRANT INSERT ON central.events TO inleverpunt_kiosk;
GRANT SELECT, INSERT ON central.events TO inleverpunt_office;
GRANT SELECT, INSERT ON central.checkpoints, central.findings, central.syncs TO inleverpunt_kiosk, inleverpunt_office;
GRANT SELECT ON central.cosignatures TO inleverpunt_kiosk;
GRANT SELECT, INSERT ON central.cosignatures TO inleverpunt_office;
GRANT USAGE ON SEQUENCE central.findings_id_seq, central.syncs_id_seq TO inleverpunt_kiosk, inleverpunt_office;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['checkpoints', 'findings', 'syncs', 'cosignatures'] LOOP
    EXECUTE format('ALTER TABLE central.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY own_kiosk ON central.%I TO inleverpunt_kiosk USING (kiosk_id = (SELECT central.my_kiosk())) WITH CHECK (kiosk_id = (SELECT central.my_kiosk()))', t);
    EXECUTE format('CREATE POLICY office ON central.%I TO inleverpunt_office USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;
`,
};
