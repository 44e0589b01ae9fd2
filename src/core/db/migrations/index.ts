import type { Migration } from '../migrate';
import { m001Kiosk } from './001-kiosk';

/** Append only: a released migration is never edited, a new one is added at the end. */
export const migrations: readonly Migration[] = [m001Kiosk];
