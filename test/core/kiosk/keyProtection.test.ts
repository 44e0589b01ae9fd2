import { createCipheriv, createDecipheriv, randomBytes, sign, verify, createPublicKey } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { openDatabase } from '../../../src/core/db/open';
import { keyStatus, readIdentity } from '../../../src/core/kiosk/identity';
import type { KeyProtection } from '../../../src/core/kiosk/keyProtection';
import { tempDir } from '../../support/tempDb';

/**
 * A real sealing pair standing in for the OS key store: AES-256-GCM under a key that lives only
 * in this process, as DPAPI's or the Keychain's lives outside the database file.
 */
function aesKeyStore(scheme = 'safeStorage:v1'): KeyProtection {
  const key = randomBytes(32);
  return {
    scheme,
    protect(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unprotect(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}

const fileBytes = (path: string) =>
  Buffer.concat([readFileSync(path), ...['-wal', '-journal'].filter((s) => existsSync(path + s)).map((s) => readFileSync(path + s))]);

describe('the kiosk signing key in the OS key store', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const clearKeyOf = (core: ReturnType<typeof openCore>) => core.signingKey().export({ type: 'pkcs8', format: 'der' });

  it('a new kiosk with a key store never writes the private key in clear, and still signs', () => {
    const store = aesKeyStore();
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: store });
    const pkcs8 = clearKeyOf(core);
    const publicKey = createPublicKey({ key: readIdentity(core.db)!.publicKey, format: 'der', type: 'spki' });
    const signature = sign(null, Buffer.from('checkpoint'), core.signingKey());
    expect(verify(null, Buffer.from('checkpoint'), publicKey, signature)).toBe(true);
    expect(keyStatus(core.db)).toEqual({ sealed: true, scheme: 'safeStorage:v1' });
    core.close();
    expect(fileBytes(tmp.dbPath).includes(pkcs8)).toBe(false);
    // The raw 32-byte Ed25519 seed inside the PKCS#8 is not there either.
    expect(fileBytes(tmp.dbPath).includes(pkcs8.subarray(-32))).toBe(false);
  });

  it('a kiosk whose key was in clear has it sealed at the first start with a key store, gone from the file’s bytes', () => {
    const before = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    const pkcs8 = clearKeyOf(before);
    before.close();
    expect(fileBytes(tmp.dbPath).includes(pkcs8.subarray(-32))).toBe(true);

    const store = aesKeyStore();
    const after = openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: store });
    expect(clearKeyOf(after).equals(pkcs8)).toBe(true);
    after.close();
    expect(fileBytes(tmp.dbPath).includes(pkcs8.subarray(-32))).toBe(false);
  });

  it('the CLI (no key store) still opens the kiosk and verifies, but cannot sign with a sealed key', () => {
    const store = aesKeyStore();
    openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: store }).close();
    const cli = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      expect(cli.problem).toBeNull();
      expect(cli.kiosk().publicKey.length).toBeGreaterThan(0);
      expect(() => cli.signingKey()).toThrow(expect.objectContaining({ code: 'KEY_PROTECTED' }));
    } finally {
      cli.close();
    }
  });

  it('another store (another PC, another scheme) cannot open it: KEY_PROTECTED, not a wrong key', () => {
    openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: aesKeyStore() }).close();
    const other = openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: aesKeyStore('otherStore:v1') });
    try {
      expect(() => other.signingKey()).toThrow(expect.objectContaining({ code: 'KEY_PROTECTED' }));
    } finally {
      other.close();
    }
  });

  it('the sealed value names its scheme, so a later key store knows what it holds', () => {
    openCore({ dbPath: tmp.dbPath, appVersion: 'test', keyProtection: aesKeyStore() }).close();
    const db = openDatabase(tmp.dbPath);
    try {
      const stored = (db.prepare('SELECT private_key FROM kiosk').get() as { private_key: Buffer }).private_key.toString('latin1');
      expect(stored).toMatch(/^safeStorage:v1:[A-Za-z0-9+/=]+$/);
    } finally {
      db.close();
    }
  });
});
