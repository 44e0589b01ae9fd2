import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ClientBase } from 'pg';
import { kioskOrigin, parseCheckpointText } from '../core/evidence/checkpoint';
import { TreeBuilder } from '../core/evidence/merkle';
import { ed25519Signer, ed25519Verifier, openNote, rawEd25519PublicKey, signNote, verifierKey, type NoteSigner } from '../core/evidence/signedNote';

/**
 * The central side as a witness (the C2SP witness idea): it checks each checkpoint a kiosk signed
 * against the kiosk's registered key and against the chain the central database holds, and adds
 * its own signature line to the note. Because the stored chain is append-only, every checkpoint it
 * cosigns is consistent with every earlier one: a kiosk that signs a tree it did not upload (a
 * rewritten history) is not cosigned but reported. The private key is a file on the central
 * server, never in the database; only its verifier key is published there (central.witness_keys).
 */
export const DEFAULT_WITNESS_NAME = 'inleverpunt.central/witness';

export interface Witness {
  name: string;
  signer: NoteSigner;
  verifierKey: string;
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
  return { name, signer: ed25519Signer(name, key), verifierKey: verifierKey(name, rawEd25519PublicKey(key)) };
}

/** Publishes the witness's verifier key in the central database, so anyone can check its cosignatures. */
export async function publishWitnessKey(client: ClientBase, witness: Witness): Promise<void> {
  const r = await client.query<{ verifier_key: string }>('SELECT verifier_key FROM central.witness_keys WHERE key_name = $1', [witness.name]);
  const stored = r.rows[0]?.verifier_key;
  if (stored === witness.verifierKey) return;
  if (stored !== undefined) throw new Error('central: another witness key is published under this name');
  await client.query('INSERT INTO central.witness_keys (key_name, verifier_key) VALUES ($1, $2)', [witness.name, witness.verifierKey]);
}

export type WitnessProblem = 'bad_signature' | 'not_this_checkpoint' | 'root_differs';

export interface WitnessResult {
  cosigned: number;
  findings: { kioskId: string; treeSize: number; problem: WitnessProblem }[];
  /** Checkpoints waiting for the events they cover. */
  waiting: number;
}

/** The witness line alone: what `signNote` would add for this signer under `text`. */
function cosignatureLine(text: string, signer: NoteSigner): string {
  return signNote(text, [signer]).slice(text.length + 1);
}

/**
 * Checks and cosigns every checkpoint not yet cosigned (or reported) by this witness. One pass
 * over each kiosk's stored event hashes, from the first event up to its newest such checkpoint.
 */
export async function witnessCheckpoints(client: ClientBase, witness: Witness): Promise<WitnessResult> {
  await publishWitnessKey(client, witness);
  const result: WitnessResult = { cosigned: 0, findings: [], waiting: 0 };
  const pending = await client.query<{ kiosk_id: string; tree_size: string; root: Buffer; note: string; public_key: Buffer; head: string | null }>(
    `SELECT c.kiosk_id, c.tree_size, c.root, c.note, k.public_key,
            (SELECT max(e.seq) FROM central.events e WHERE e.kiosk_id = c.kiosk_id) AS head
       FROM central.checkpoints c JOIN central.kiosks k USING (kiosk_id)
      WHERE NOT EXISTS (SELECT 1 FROM central.cosignatures w WHERE w.kiosk_id = c.kiosk_id AND w.tree_size = c.tree_size AND w.witness = $1)
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
    for (const row of ready) {
      const size = Number(row.tree_size);
      const problem = checkNote(row.note, kioskId, size, row.root, verifier);
      const finding: WitnessProblem | null = problem ?? (roots.get(size)?.equals(row.root) ? null : 'root_differs');
      if (finding) {
        await client.query('INSERT INTO central.findings (kiosk_id, source, problem, seq) VALUES ($1, $2, $3, $4)', [kioskId, 'witness', finding, size]);
        result.findings.push({ kioskId, treeSize: size, problem: finding });
        continue;
      }
      const text = openNote(row.note, [verifier]).text;
      await client.query('INSERT INTO central.cosignatures (kiosk_id, tree_size, witness, cosigned_note) VALUES ($1, $2, $3, $4)', [
        kioskId,
        size,
        witness.name,
        row.note + cosignatureLine(text, witness.signer),
      ]);
      result.cosigned++;
    }
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
