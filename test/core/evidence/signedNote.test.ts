import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ed25519Signer,
  ed25519Verifier,
  NoteError,
  noteSignedBy,
  openNote,
  parseVerifierKey,
  rawEd25519PublicKey,
  signNote,
  verifierKey,
} from '../../../src/core/evidence/signedNote';
import { checkpointText, parseCheckpointText } from '../../../src/core/evidence/checkpoint';

// The example of c2sp.org/signed-note@v1.0.0: a verifier key and the note it verifies.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof NoteError ? error.reason : String(error);
  }
  return 'accepted';
};

describe('signed notes (C2SP signed-note v1.0.0)', () => {
  it('verifies the specification’s own example with its verifier key', () => {
    expect(openNote(SPEC_NOTE, [parseVerifierKey(SPEC_VKEY)])).toEqual({ text: 'This is an example message.\n', signedBy: ['example.com/foo'] });
  });

  it('computes the key ID and verifier key the way the specification does', () => {
    const verifier = parseVerifierKey(SPEC_VKEY);
    expect(verifier.keyId.toString(16)).toBe('530d903a');
    const raw = Buffer.from(SPEC_VKEY.split('+')[2] as string, 'base64').subarray(1);
    expect(verifierKey('example.com/foo', raw)).toBe(SPEC_VKEY);
  });

  it('a note the kiosk signs opens with its verifier key, and a changed byte or another key does not', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const signer = ed25519Signer('inleverpunt.kiosk/k1', privateKey);
    const text = checkpointText({ origin: 'inleverpunt.kiosk/k1', size: 12, root: Buffer.alloc(32, 7) });
    const note = signNote(text, [signer]);
    const vkey = verifierKey('inleverpunt.kiosk/k1', rawEd25519PublicKey(privateKey));
    expect(openNote(note, [parseVerifierKey(vkey)]).text).toBe(text);
    expect(parseCheckpointText(openNote(note, [parseVerifierKey(vkey)]).text)).toEqual({ origin: 'inleverpunt.kiosk/k1', size: 12, root: Buffer.alloc(32, 7) });
    expect(reasonOf(() => openNote(note.replace('\n12\n', '\n13\n'), [parseVerifierKey(vkey)]))).toBe('bad_signature');
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(reasonOf(() => openNote(note, [ed25519Verifier('inleverpunt.kiosk/k1', rawEd25519PublicKey(other))]))).toBe('no_known_signature');
  });

  it('reads a verifier key whose base64 holds plus signs (they separate only the first two parts)', () => {
    let vkey = '';
    while (!vkey.split('+').slice(2).join('+').includes('+')) {
      vkey = verifierKey('inleverpunt.kiosk/k1', rawEd25519PublicKey(generateKeyPairSync('ed25519').privateKey));
    }
    expect(parseVerifierKey(vkey).name).toBe('inleverpunt.kiosk/k1');
  });

  it('ignores unknown signatures beside a known one (a witness cosignature, a rotated key)', () => {
    const kiosk = generateKeyPairSync('ed25519').privateKey;
    const witness = generateKeyPairSync('ed25519').privateKey;
    const note = signNote('inleverpunt.kiosk/k1\n3\n' + Buffer.alloc(32).toString('base64') + '\n', [
      ed25519Signer('inleverpunt.kiosk/k1', kiosk),
      ed25519Signer('witness.example/w', witness),
    ]);
    expect(openNote(note, [ed25519Verifier('inleverpunt.kiosk/k1', rawEd25519PublicKey(kiosk))]).signedBy).toEqual(['inleverpunt.kiosk/k1']);
  });

  it("takes a note back to one signer's own lines: the kiosk's note as it signed it, whatever a witness added", () => {
    const kiosk = generateKeyPairSync('ed25519').privateKey;
    const witness = generateKeyPairSync('ed25519').privateKey;
    const text = 'inleverpunt.kiosk/k1\n3\n' + Buffer.alloc(32).toString('base64') + '\n';
    const own = signNote(text, [ed25519Signer('inleverpunt.kiosk/k1', kiosk)]);
    const kioskKey = ed25519Verifier('inleverpunt.kiosk/k1', rawEd25519PublicKey(kiosk));
    for (const signers of [[kiosk, witness], [witness, kiosk]]) {
      const both = signNote(text, signers.map((key) => ed25519Signer(key === kiosk ? 'inleverpunt.kiosk/k1' : 'witness.example/w', key)));
      expect(noteSignedBy(both, kioskKey)).toBe(own);
    }
    expect(noteSignedBy(own, kioskKey)).toBe(own);
    // The same name under another key is not the kiosk's line.
    const impostor = signNote(text, [ed25519Signer('inleverpunt.kiosk/k1', witness)]);
    expect(reasonOf(() => noteSignedBy(impostor, kioskKey))).toBe('no_known_signature');
  });

  it('refuses malformed notes and checkpoint texts', () => {
    const v = parseVerifierKey(SPEC_VKEY);
    expect(reasonOf(() => openNote('no blank line\n\u2014 example.com/foo AAAA\n', [v]))).toBe('malformed');
    expect(reasonOf(() => openNote(SPEC_NOTE.replace('\u2014', '-'), [v]))).toBe('malformed');
    expect(reasonOf(() => openNote(SPEC_NOTE.slice(0, -1), [v]))).toBe('malformed');
    expect(reasonOf(() => parseVerifierKey('example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'))).toBe('malformed');
    expect(parseCheckpointText('origin\n012\n' + Buffer.alloc(32).toString('base64') + '\n')).toBeNull();
    expect(parseCheckpointText('origin\n12\nshort\n')).toBeNull();
    expect(() => checkpointText({ origin: 'has space', size: 1, root: Buffer.alloc(32) })).toThrow();
  });
});
