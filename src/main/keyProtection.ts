import { safeStorage } from 'electron';
import type { KeyProtection } from '../core/kiosk/keyProtection';

/**
 * The OS key store as the core's key protection, once the app is ready. None where the store
 * gives no real protection: on Linux without a secret service, safeStorage falls back to a
 * password written into Chromium itself ('basic_text'), which anyone with the file can undo, so
 * the key then stays as it is rather than pretending.
 *
 * Electron 45 still has the synchronous calls (deprecated for the async ones); the core opens
 * synchronously at start, so these are used until the core's start becomes async.
 */
export function osKeyProtection(platform: NodeJS.Platform = process.platform): KeyProtection | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    scheme: 'safeStorage:v1',
    // safeStorage seals strings: the DER bytes travel as base64 text.
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
