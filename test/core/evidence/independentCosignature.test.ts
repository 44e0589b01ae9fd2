import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCosignature, cosignatureLine, ed25519Cosigner, parseCosignerKey } from '../../../src/core/evidence/cosignature';
import { checkpointText } from '../../../src/core/evidence/checkpoint';
import { ed25519Signer, ed25519Verifier, openNote, rawEd25519PublicKey, signNote } from '../../../src/core/evidence/signedNote';

/*
 * A second cosignature implementation, written from the text of c2sp.org/tlog-cosignature v1.0.1
 * (Ed25519) and c2sp.org/signed-note v1.0.0 alone, sharing no code with the app's:
 *   "The key ID MUST be SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]"
 *   "Public keys MAY be encoded as vkeys with signature type 0x04"; a vkey is
 *     "<key name>+hex(32-bit key ID)+base64(signature type || public key)"
 *   "The signature MUST be a 72-byte timestamped_signature structure: u64 timestamp; u8 signature[64]",
 *     big-endian, after the 4-byte key ID of every note signature
 *   "The signed message MUST be two newline terminated lines (one header line and one timestamp
 *    line) followed by the whole note body of the cosigned checkpoint (including the final
 *    newline, but not including any signature lines)"; header "cosignature/v1", timestamp line
 *    "time", a space, the timestamp as ASCII decimal with no leading zeroes.
 */
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

function specKey(vkey: string): { name: string; id: Buffer; key: KeyObject } | null {
  // Names hold no plus sign; the base64 may, so split at the first two only.
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  const keyName = vkey.slice(0, first);
  const id = Buffer.from(vkey.slice(first + 1, second), 'hex');
  const bytes = Buffer.from(vkey.slice(second + 1), 'base64');
  if (bytes.length !== 33 || bytes[0] !== 0x04) return null;
  const expected = createHash('sha256').update(Buffer.concat([Buffer.from(`${keyName}\n`), bytes])).digest().subarray(0, 4);
  if (!expected.equals(id)) return null;
  return { name: keyName, id, key: createPublicKey({ key: Buffer.concat([ED25519_SPKI, bytes.subarray(1)]), format: 'der', type: 'spki' }) };
}

/** The time a witness cosigned `note` at, or null if no line of this key verifies. */
function specVerify(note: string, vkey: string): number | null {
  const k = specKey(vkey);
  const blank = note.lastIndexOf('\n\n');
  if (!k || blank < 0) return null;
  const body = note.slice(0, blank + 1);
  for (const line of note.slice(blank + 2).split('\n').filter(Boolean)) {
    const [dash, name, encoded] = line.split(' ');
    if (dash !== '\u2014' || name !== k.name || !encoded) continue;
    const sig = Buffer.from(encoded, 'base64');
    if (sig.length !== 4 + 72 || !sig.subarray(0, 4).equals(k.id)) continue;
    const timestamp = sig.readBigUInt64BE(4);
    const message = `cosignature/v1\ntime ${timestamp.toString(10)}\n${body}`;
    if (verify(null, Buffer.from(message), k.key, sig.subarray(12))) return Number(timestamp);
  }
  return null;
}

/** A cosignature line made from the spec alone, to check that the app reads what others write. */
function specCosign(body: string, name: string, privateKey: KeyObject, time: number): string {
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).subarray(ED25519_SPKI.length);
  const id = createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([0x04]), raw])).digest().subarray(0, 4);
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const signature = sign(null, Buffer.from(`cosignature/v1\ntime ${time}\n${body}`), privateKey);
  return `\u2014 ${name} ${Buffer.concat([id, stamp, signature]).toString('base64')}\n`;
}

const LOG = 'inleverpunt.kiosk/K-TEST';
const WITNESS = 'inleverpunt.central/witness';
const TIME = Date.UTC(2026, 2, 2, 16, 5, 0) / 1000;
const kioskKey = generateKeyPairSync('ed25519').privateKey;
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const body = checkpointText({ origin: LOG, size: 42, root: createHash('sha256').update('tree').digest() });
const kioskNote = signNote(body, [ed25519Signer(LOG, kioskKey)]);
const cosigner = ed25519Cosigner(WITNESS, witnessKey);
const cosigned = kioskNote + cosignatureLine(body, cosigner, TIME);

describe('witness cosignatures, checked by an implementation written from the C2SP text', () => {
  it("reads the spec's own example line: key ID, then the example's time as a big-endian u64", () => {
    // c2sp.org/tlog-cosignature: the cosigned checkpoint example and its "time 1679315147" message.
    const line = 'jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==';
    const bytes = Buffer.from(line, 'base64');
    expect(bytes).toHaveLength(4 + 72);
    expect(bytes.readBigUInt64BE(4)).toBe(1679315147n);
  });

  it("verifies the app's cosignature and its time, and the app's vkey is the spec's", () => {
    expect(specKey(cosigner.verifierKey)).not.toBeNull();
    expect(cosigner.verifierKey.startsWith(`${WITNESS}+`)).toBe(true);
    expect(specVerify(cosigned, cosigner.verifierKey)).toBe(TIME);
    expect(checkCosignature(cosigned, parseCosignerKey(cosigner.verifierKey))).toEqual({ ok: true, format: 'cosignature/v1', time: TIME });
    // The kiosk's signature still opens, the witness's line is passed over by a plain note reader.
    expect(openNote(cosigned, [ed25519Verifier(LOG, rawEd25519PublicKey(kioskKey))]).text).toBe(body);
  });

  it('the app accepts a cosignature written by the spec implementation', () => {
    const theirs = kioskNote + specCosign(body, WITNESS, witnessKey, TIME + 60);
    expect(checkCosignature(theirs, parseCosignerKey(cosigner.verifierKey))).toEqual({ ok: true, format: 'cosignature/v1', time: TIME + 60 });
  });

  it('refuses a changed time, a changed checkpoint, another key and a time after the reader’s clock', () => {
    const witness = parseCosignerKey(cosigner.verifierKey);
    const line = cosigned.slice(kioskNote.length);
    const bytes = Buffer.from(line.trim().split(' ')[2] as string, 'base64');
    bytes.writeBigUInt64BE(BigInt(TIME + 1), 4);
    const retimed = `${kioskNote}\u2014 ${WITNESS} ${bytes.toString('base64')}\n`;
    expect(specVerify(retimed, cosigner.verifierKey)).toBeNull();
    expect(checkCosignature(retimed, witness)).toEqual({ ok: false, reason: 'bad_signature' });

    const otherBody = body.replace('\n42\n', '\n43\n');
    const moved = signNote(otherBody, [ed25519Signer(LOG, kioskKey)]) + line;
    expect(specVerify(moved, cosigner.verifierKey)).toBeNull();
    expect(checkCosignature(moved, witness)).toEqual({ ok: false, reason: 'bad_signature' });

    const stranger = ed25519Cosigner(WITNESS, generateKeyPairSync('ed25519').privateKey);
    expect(specVerify(cosigned, stranger.verifierKey)).toBeNull();
    expect(checkCosignature(cosigned, parseCosignerKey(stranger.verifierKey))).toEqual({ ok: false, reason: 'missing' });
    expect(checkCosignature(kioskNote, witness)).toEqual({ ok: false, reason: 'missing' });

    expect(checkCosignature(cosigned, witness, { now: TIME })).toMatchObject({ ok: true });
    expect(checkCosignature(cosigned, witness, { now: TIME - 1 })).toEqual({ ok: false, reason: 'future' });
  });

  it('a cosignature line never passes for a plain note signature of the same key', () => {
    // Another key ID (0x04, not 0x01): a signed-note reader given the witness's plain key passes the line over.
    expect(() => openNote(cosigned, [ed25519Verifier(WITNESS, rawEd25519PublicKey(witnessKey))])).toThrow(/no_known_signature/);
  });

  it('still reads the witness’s older plain lines (signed-note type 0x01) where asked, and says they carry no time', () => {
    const legacy = signNote(body, [ed25519Signer(LOG, kioskKey), ed25519Signer(WITNESS, witnessKey)]);
    const witness = parseCosignerKey(cosigner.verifierKey);
    expect(checkCosignature(legacy, witness)).toEqual({ ok: false, reason: 'missing' });
    expect(checkCosignature(legacy, witness, { legacy: true })).toEqual({ ok: true, format: 'legacy', time: null });
    const tampered = legacy.replace('\n42\n', '\n41\n');
    expect(checkCosignature(tampered, witness, { legacy: true })).toEqual({ ok: false, reason: 'bad_signature' });
    // The key as the witness published it before: the same public key, its plain vkey.
    const raw = rawEd25519PublicKey(witnessKey);
    const old = `${WITNESS}+${ed25519Verifier(WITNESS, raw).keyId.toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([0x01]), raw]).toString('base64')}`;
    expect(checkCosignature(cosigned, parseCosignerKey(old, { published: true }))).toEqual({ ok: true, format: 'cosignature/v1', time: TIME });
    // A reader's own key must be the cosigner's: with a plain key any note signer could pass for a witness.
    expect(() => parseCosignerKey(old)).toThrow(/malformed/);
  });
});
