import { AppError } from '../../shared/errors';

/**
 * Seals the kiosk's private signing key with a key the database file does not hold: in the
 * Electron app the operating system's store (DPAPI on Windows, Keychain on macOS, libsecret or
 * KWallet on Linux) through `safeStorage`. The core only sees this pair of functions, so it stays
 * free of Electron and is tested with a real stand-in.
 */
export interface KeyProtection {
  /** Names the scheme in the stored value, e.g. `safeStorage:v1`; never contains ':' at the end. */
  readonly scheme: string;
  protect(plain: Buffer): Buffer;
  unprotect(sealed: Buffer): Buffer;
}

/** A PKCS#8 DER key starts with a SEQUENCE tag; a sealed one with its scheme's name. */
const DER_SEQUENCE = 0x30;
const SEALED = /^([a-zA-Z][\w-]*:v\d+):([A-Za-z0-9+/=]+)$/;

export type StoredKey = { kind: 'clear'; pkcs8: Buffer } | { kind: 'sealed'; scheme: string; sealed: Buffer };

export function parseStoredKey(stored: Buffer): StoredKey {
  if (stored[0] === DER_SEQUENCE) return { kind: 'clear', pkcs8: stored };
  const match = SEALED.exec(stored.toString('latin1'));
  if (!match) throw new AppError('DB_CORRUPT', { reason: 'kiosk key unreadable' });
  return { kind: 'sealed', scheme: match[1] as string, sealed: Buffer.from(match[2] as string, 'base64') };
}

/** `scheme:` + base64 of the sealed bytes: the marker says which store can open it. */
export function sealKey(pkcs8: Buffer, protection: KeyProtection): Buffer {
  return Buffer.from(`${protection.scheme}:${protection.protect(pkcs8).toString('base64')}`, 'latin1');
}

/**
 * The private key in clear, for signing. A sealed key without its store (the CLI, which runs
 * without Electron, or another PC) is KEY_PROTECTED: the CLI can verify with the public key but
 * not sign in the kiosk's name.
 */
export function openStoredKey(stored: Buffer, protection: KeyProtection | undefined): Buffer {
  const key = parseStoredKey(stored);
  if (key.kind === 'clear') return key.pkcs8;
  if (!protection || protection.scheme !== key.scheme) throw new AppError('KEY_PROTECTED');
  return protection.unprotect(key.sealed);
}
