import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { minPinLength, type StaffRole } from '../../shared/contract/access';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 25–50 ms on a classroom PC: slow for a thief with the file, quick enough at the door. */
export const DEFAULT_PIN_COST: ScryptCost = { N: 16384, r: 8, p: 1 };

export const PIN_PATTERN = /^\d{4,8}$/;

export { minPinLength };

export function assertPinFormat(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_ARGUMENT', { field: 'pin', rule: '4-8 digits' });
}

/** A new PIN (registration, reset, change) must be long enough for the role it opens. */
export function assertNewPin(pin: string, role: StaffRole): void {
  assertPinFormat(pin);
  if (pin.length < minPinLength(role)) throw new AppError('PIN_TOO_SHORT', { minLength: minPinLength(role) });
}

/** 'scrypt$N$r$p$salt$hash': the cost travels with the hash, so it can be raised later. */
export function hashPin(pin: string, cost: ScryptCost = DEFAULT_PIN_COST): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function checkPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    ...cost,
    maxmem: 256 * cost.N * cost.r,
  });
  return timingSafeEqual(actual, expected);
}
