import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ClientBase } from 'pg';
import { kioskOrigin, parseCheckpointText } from '../evidence/checkpoint';
import { TreeBuilder } from '../evidence/merkle';
import { cosignatureLine, ed25519Cosigner, parseCosignerKey, type Cosigner } from '../evidence/cosignature';
import { ed25519Signer, ed25519Verifier, openNote, type NoteSigner } from '../evidence/signedNote';

/**
 * The central side as a witness (the C2SP witness idea): it checks each checkpoint a kiosk signed
 * against the kiosk's registered key and against the chain the central database holds, and adds
 * its own cosignature line to the note (c2sp.org/tlog-cosignature, cosignature/v1: timestamped by
 * the central's clock). Because the stored chain is append-only, every checkpoint it cosigns is
 * consistent with every earlier one: a kiosk that signs a tree it did not upload (a rewritten
 * history) is not cosigned but reported. The private key is a file on the central server, never in
 * the database; only its verifier key is published there (central.witness_keys).
 */
export const DEFAULT_WITNESS_NAME = 'inleverpunt.central/witness';

export interface Witness {
  name: string;
  cosigner: Cosigner;
  /** The C2SP vkey of its cosignatures: `<name>+<key ID>+base64(0x04 || public key)`. */
  verifierKey: string;
  /**
   * The same key as a plain signed-note key (0x01) under the same name: it seals the bundles the
   * central database rebuilds (the centre never holds a kiosk's key). Its notes' texts start with
   * the seal format, so a seal never passes for a cosignature.
   */
  noteSigner: NoteSigner;
}

/** Opens the witness key file (PKCS#8 PEM), creating it (mode 0600) when `create` and absent. */
export function witnessFromKeyFile(path: string, options: { name?: string; create?: boolean } = {}): Witness {
  const name = options.name ?? DEFAULT_WITNESS_NAME;
  let key: KeyObject;
  if (!existsSync(path)) {
    if (!options.create) throw new Error('witness key file not found');
    key = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(path, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } else {
    key = createPrivateKey(readFileSync(path));
  }
  const cosigner = ed25519Cosigner(name, key);
  return { name, cosigner, verifierKey: cosigner.verifierKey, noteSigner: ed25519Signer(name, key) };
}

/** Publishes the witness's verifier key in the central database, so anyone can check its cosignatures. */
export async function publishWitnessKey(client: ClientBase, witness: Witness): Promise<void> {
  const r = await client.query<{ verifier_key: string }>('SELECT verifier_key FROM central.witness_keys WHERE key_name = $1', [witness.name]);
  const stored = r.rows[0]?.verifier_key;
  if (stored === witness.verifierKey || (stored !== undefined && samePublicKey(stored, witness))) return;
  if (stored !== undefined) throw new Error('central: another witness key is published under this name');
  await client.query('INSERT INTO central.witness_keys (key_name, verifier_key) VALUES ($1, $2)', [witness.name, witness.verifierKey]);
}

/**
 * Whether a published key is this witness's key in its older plain form (0x01): databases set up
 * before cosignature/v1 keep that row (the table is append-only), and readers derive both forms from it.
 */
function samePublicKey(stored: string, witness: Witness): boolean {
  try {
    const published = parseCosignerKey(stored, { published: true });
    return published.name === witness.name && published.keyId === parseCosignerKey(witness.verifierKey).keyId;
  } catch {
    return false;
  }
}

export type WitnessProblem = 'bad_signature' | 'not_this_checkpoint' | 'root_differs';

export interface WitnessResult {
  cosigned: number;
  findings: { kioskId: string; treeSize: number; problem: WitnessProblem }[];
  /** Checkpoints waiting for the events they cover. */
  waiting: number;
}

export interface WitnessOptions {
  /** The central's clock: the time each cosignature states. */
  now?: () => Date;
}

/**
 * Checks every checkpoint newer than the last one this witness cosigned (and not reported yet),
 * and cosigns the newest of them that holds. Only the newest: a cosignature/v1 says "as of this
 * time, this is the largest consistent tree I have seen", which is false of a smaller one; the
 * smaller ones are checked all the same and are covered by the larger (one append-only chain).
 * One pass over each kiosk's stored event hashes, from the first event up to its newest checkpoint.
 */
export async function witnessCheckpoints(client: ClientBase, witness: Witness, options: WitnessOptions = {}): Promise<WitnessResult> {
  const now = options.now ?? (() => new Date());
  await publishWitnessKey(client, witness);
  const result: WitnessResult = { cosigned: 0, findings: [], waiting: 0 };
  const pending = await client.query<{ kiosk_id: string; tree_size: string; root: Buffer; note: string; public_key: Buffer; head: string | null }>(
    `SELECT c.kiosk_id, c.tree_size, c.root, c.note, k.public_key,
            (SELECT max(e.seq) FROM central.events e WHERE e.kiosk_id = c.kiosk_id) AS head
       FROM central.checkpoints c JOIN central.kiosks k USING (kiosk_id)
      WHERE c.tree_size > coalesce((SELECT max(w.tree_size) FROM central.cosignatures w WHERE w.kiosk_id = c.kiosk_id AND w.witness = $1), -1)
        AND NOT EXISTS (SELECT 1 FROM central.findings f WHERE f.kiosk_id = c.kiosk_id AND f.source = 'witness' AND f.seq = c.tree_size)
      ORDER BY c.kiosk_id, c.tree_size`,
    [witness.name],
  );
  const byKiosk = new Map<string, typeof pending.rows>();
  for (const row of pending.rows) byKiosk.set(row.kiosk_id, [...(byKiosk.get(row.kiosk_id) ?? []), row]);
  for (const [kioskId, rows] of byKiosk) {
    const verifier = ed25519Verifier(kioskOrigin(kioskId), (rows[0] as { public_key: Buffer }).public_key);
    const head = Number(rows[0]?.head ?? 0);
    const ready = rows.filter((r) => Number(r.tree_size) <= head);
    result.waiting += rows.length - ready.length;
    const roots = await storedRoots(client, kioskId, ready.map((r) => Number(r.tree_size)));
    let newest: (typeof ready)[number] | undefined;
    for (const row of ready) {
      const size = Number(row.tree_size);
      const problem = checkNote(row.note, kioskId, size, row.root, verifier);
      const finding: WitnessProblem | null = problem ?? (roots.get(size)?.equals(row.root) ? null : 'root_differs');
      if (finding) {
        await client.query('INSERT INTO central.findings (kiosk_id, source, problem, seq) VALUES ($1, $2, $3, $4)', [kioskId, 'witness', finding, size]);
        result.findings.push({ kioskId, treeSize: size, problem: finding });
        continue;
      }
      newest = row;
    }
    if (!newest) continue;
    const text = openNote(newest.note, [verifier]).text;
    const time = Math.floor(now().getTime() / 1000);
    await client.query('INSERT INTO central.cosignatures (kiosk_id, tree_size, witness, cosigned_note) VALUES ($1, $2, $3, $4)', [
      kioskId,
      Number(newest.tree_size),
      witness.name,
      newest.note + cosignatureLine(text, witness.cosigner, time),
    ]);
    result.cosigned++;
  }
  return result;
}

function checkNote(note: string, kioskId: string, size: number, root: Buffer, verifier: ReturnType<typeof ed25519Verifier>): WitnessProblem | null {
  let text: string;
  try {
    text = openNote(note, [verifier]).text;
  } catch {
    return 'bad_signature';
  }
  const body = parseCheckpointText(text);
  return body && body.origin === kioskOrigin(kioskId) && body.size === size && body.root.equals(root) ? null : 'not_this_checkpoint';
}

/** The RFC 6962 root of the stored chain at each asked size, in one pass over its hashes in seq order. */
export async function storedRoots(client: ClientBase, kioskId: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const roots = new Map<number, Buffer>();
  const wanted = [...new Set(sizes)].sort((a, b) => a - b);
  const last = wanted.at(-1);
  if (last === undefined) return roots;
  const tree = new TreeBuilder();
  let next = 0;
  const take = () => {
    while (next < wanted.length && wanted[next] === tree.size) roots.set(wanted[next++] as number, tree.root());
  };
  take();
  // In pages by seq, so a board's long chain never sits in memory at once.
  for (let after = 0; after < last; ) {
    const page = await client.query<{ seq: string; hash: Buffer }>(
      'SELECT seq, hash FROM central.events WHERE kiosk_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT 20000',
      [kioskId, after, last],
    );
    if (page.rows.length === 0) break;
    for (const row of page.rows) {
      if (Number(row.seq) !== tree.size + 1) return roots;
      tree.add(row.hash);
      take();
    }
    after = Number((page.rows.at(-1) as { seq: string }).seq);
  }
  return roots;
}

/**
 * The newest cosigned note of a kiosk (or the one at `treeSize`, or by the witness named): what the
 * kiosk exports a witnessed bundle against, and what the central database rebuilds one against.
 */
export async function cosignedNote(
  client: ClientBase,
  kioskId: string,
  treeSize?: number,
  witness?: string,
): Promise<{ treeSize: number; witness: string; note: string } | undefined> {
  const r = await client.query<{ tree_size: string; witness: string; cosigned_note: string }>(
    `SELECT tree_size, witness, cosigned_note FROM central.cosignatures
      WHERE kiosk_id = $1 AND ($2::bigint IS NULL OR tree_size = $2) AND ($3::text IS NULL OR witness = $3)
      ORDER BY tree_size DESC, witnessed_at DESC LIMIT 1`,
    [kioskId, treeSize ?? null, witness ?? null],
  );
  const row = r.rows[0];
  return row && { treeSize: Number(row.tree_size), witness: row.witness, note: row.cosigned_note };
}
