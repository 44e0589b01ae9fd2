import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 25–50 ms on a classroom PC: slow for a thief with the file, quick enough at the door. */
export const DEFAULT_PIN_COST: ScryptCost = { N: 16384, r: 8, p: 1 };

export const PIN_PATTERN = /^\d{4,8}$/;

/** After this many wrong PINs in a row the account (or the kiosk) waits, doubling each time. */
export const FREE_ATTEMPTS = 4;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;

export function assertPinFormat(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_ARGUMENT', { field: 'pin', rule: '4-8 digits' });
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

/**
 * 0..15: which few accounts a PIN typed without a name could belong to. It gives away 4 bits of
 * the PIN to someone holding the database file; a 4–8 digit PIN cannot resist that person anyway
 * (the scrypt cost only slows them), while it keeps the kiosk's unlock to one or two scrypt runs.
 */
export function pinHint(pin: string): number {
  return (createHash('sha256').update(`inleverpunt-pin-hint:${pin}`).digest()[0] as number) & 0x0f;
}

/** Seconds to wait after `failures` wrong PINs in a row: 0, then 30 s doubling up to 15 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS - 1));
}
