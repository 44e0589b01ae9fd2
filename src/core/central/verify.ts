import type { ClientBase } from 'pg';
import { kioskOrigin, parseCheckpointText } from '../evidence/checkpoint';
import { TreeBuilder } from '../evidence/merkle';
import { checkCosignature, parseCosignerKey, type CosignatureVerifier } from '../evidence/cosignature';
import { ed25519Verifier, openNote, type NoteVerifier } from '../evidence/signedNote';
import { GENESIS_HASH, hashFieldRow, HEADER_FIELDS } from '../ledger/hash';

export type CentralProblem =
  /** The stored chain has a gap or an event out of order. */
  | 'seq_gap'
  /** An event's hash is not the hash of its fields. */
  | 'hash_mismatch'
  /** An event does not name the event before it as its previous hash. */
  | 'chain_broken'
  /** A checkpoint's note does not open with the kiosk's key, or says something else than its row. */
  | 'checkpoint_signature'
  /** The stored chain at a checkpoint's size has another root than the kiosk signed. */
  | 'checkpoint_root'
  /** A cosigned note has no valid cosignature of the witness's published key (or one from the future), or is not the kiosk's note. */
  | 'cosignature';

export interface KioskVerification {
  kioskId: string;
  school: string;
  name: string;
  events: number;
  checkpoints: number;
  cosigned: number;
  /** Of those, cosigned in the witness's older plain note-signature form (no time), before cosignature/v1. */
  legacyCosigned: number;
  /** Checkpoints for a tree larger than the stored chain: waiting for their events. */
  waiting: number;
  problems: { seq: number; problem: CentralProblem }[];
  /** What sync, the witness or an import reported earlier (central.findings). */
  findings: { problem: string; source: string; seq: number | null; foundAt: string }[];
  ok: boolean;
}

const PAGE = 20_000;
const SELECT_EVENTS = `SELECT ${HEADER_FIELDS.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
  .map((c) => (c === 'seq' || c === 'voids_seq' ? `${c}::float8` : c))
  .join(', ')}, hash, encoding FROM central.events WHERE kiosk_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`;

/**
 * Every kiosk's chain in the central database checked again from its first event, in our code
 * rather than the database's trigger (so a superuser who switched the trigger off is still
 * caught), then every checkpoint against the kiosk's key and the chain's Merkle root, and every
 * cosignature against the witness keys published in the database: a cosignature/v1 line, or the
 * plain line the witness wrote before (same key, its 0x01 key ID); `now` refuses times to come.
 */
export async function verifyCentral(client: ClientBase, options: { now?: () => Date } = {}): Promise<{ ok: boolean; kiosks: KioskVerification[] }> {
  const kiosks = await client.query<KioskRow>('SELECT kiosk_id, school, name, public_key FROM central.kiosks ORDER BY school, name, kiosk_id');
  const check = await verifierOf(client, options);
  const results: KioskVerification[] = [];
  for (const k of kiosks.rows) results.push(await check(k));
  return { ok: results.every((r) => r.ok), kiosks: results };
}

/** One kiosk's chain, checkpoints and cosignatures checked as `verifyCentral` checks them all; undefined for a kiosk not registered. */
export async function kioskVerification(client: ClientBase, kioskId: string, options: { now?: () => Date } = {}): Promise<KioskVerification | undefined> {
  const kiosk = await client.query<KioskRow>('SELECT kiosk_id, school, name, public_key FROM central.kiosks WHERE kiosk_id = $1', [kioskId]);
  const row = kiosk.rows[0];
  return row && (await verifierOf(client, options))(row);
}

interface KioskRow {
  kiosk_id: string;
  school: string;
  name: string;
  public_key: Buffer;
}

async function verifierOf(client: ClientBase, options: { now?: () => Date }): Promise<(k: KioskRow) => Promise<KioskVerification>> {
  const keys = await client.query<{ key_name: string; verifier_key: string }>('SELECT key_name, verifier_key FROM central.witness_keys');
  const witnesses = new Map(keys.rows.map((k) => [k.key_name, parseCosignerKey(k.verifier_key, { published: true })]));
  const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  return (k) => verifyKiosk(client, k.kiosk_id, k.school, k.name, ed25519Verifier(kioskOrigin(k.kiosk_id), k.public_key), witnesses, now);
}

async function verifyKiosk(
  client: ClientBase,
  kioskId: string,
  school: string,
  name: string,
  verifier: NoteVerifier,
  witnesses: ReadonlyMap<string, CosignatureVerifier>,
  now: number,
): Promise<KioskVerification> {
  const problems: KioskVerification['problems'] = [];
  const checkpoints = await client.query<{ tree_size: string; root: Buffer; note: string }>(
    'SELECT tree_size, root, note FROM central.checkpoints WHERE kiosk_id = $1 ORDER BY tree_size',
    [kioskId],
  );
  const wanted = checkpoints.rows.map((c) => ({ size: Number(c.tree_size), root: c.root, note: c.note }));
  for (const c of wanted) {
    try {
      const body = parseCheckpointText(openNote(c.note, [verifier]).text);
      if (!body || body.origin !== kioskOrigin(kioskId) || body.size !== c.size || !body.root.equals(c.root)) throw new Error('other text');
    } catch {
      problems.push({ seq: c.size, problem: 'checkpoint_signature' });
    }
  }
  const tree = new TreeBuilder();
  let next = 0;
  const compare = () => {
    for (; next < wanted.length && (wanted[next] as { size: number }).size === tree.size; next++) {
      if (!tree.root().equals((wanted[next] as { root: Buffer }).root)) problems.push({ seq: tree.size, problem: 'checkpoint_root' });
    }
  };
  compare();
  let prev: Buffer = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const page = await client.query<unknown[]>({ text: SELECT_EVENTS, values: [kioskId, after], rowMode: 'array' });
    for (const row of page.rows) {
      const seq = row[0] as number;
      const hash = row[15] as Buffer;
      if (seq !== tree.size + 1) problems.push({ seq, problem: 'seq_gap' });
      if (!hashFieldRow(row, row[16] as number).equals(hash)) problems.push({ seq, problem: 'hash_mismatch' });
      if (!(row[14] as Buffer).equals(prev)) problems.push({ seq, problem: 'chain_broken' });
      prev = hash;
      tree.add(hash);
      compare();
      after = seq;
    }
    if (page.rows.length < PAGE) break;
  }
  const waiting = wanted.length - next;
  const cosignatures = await client.query<{ tree_size: string; witness: string; cosigned_note: string; note: string }>(
    `SELECT w.tree_size, w.witness, w.cosigned_note, c.note FROM central.cosignatures w
       JOIN central.checkpoints c USING (kiosk_id, tree_size) WHERE w.kiosk_id = $1 ORDER BY w.tree_size`,
    [kioskId],
  );
  let legacyCosigned = 0;
  for (const w of cosignatures.rows) {
    const witness = witnesses.get(w.witness);
    const check = witness && checkCosignature(w.cosigned_note, witness, { legacy: true, now });
    if (!check?.ok || !isKioskNoteCosigned(w.note, w.cosigned_note, verifier)) problems.push({ seq: Number(w.tree_size), problem: 'cosignature' });
    else if (check.format === 'legacy') legacyCosigned++;
  }
  const findings = await client.query<{ problem: string; source: string; seq: string | null; found_at: Date }>(
    'SELECT problem, source, seq, found_at FROM central.findings WHERE kiosk_id = $1 ORDER BY id',
    [kioskId],
  );
  problems.sort((a, b) => a.seq - b.seq);
  return {
    kioskId,
    school,
    name,
    events: tree.size,
    checkpoints: wanted.length,
    cosigned: cosignatures.rows.length,
    legacyCosigned,
    waiting,
    problems,
    findings: findings.rows.map((f) => ({ problem: f.problem, source: f.source, seq: f.seq === null ? null : Number(f.seq), foundAt: f.found_at.toISOString() })),
    ok: problems.length === 0 && findings.rows.length === 0,
  };
}

/** The cosigned note is the kiosk's own note, as stored, with lines added below it. */
function isKioskNoteCosigned(note: string, cosigned: string, verifier: NoteVerifier): boolean {
  try {
    return cosigned.startsWith(note) && openNote(cosigned, [verifier]).text === openNote(note, [verifier]).text;
  } catch {
    return false;
  }
}
