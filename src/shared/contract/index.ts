import type { z } from 'zod';
import type { Result } from '../errors';
import type { MethodSpec } from './define';
import type { EventPayload, Events } from './events';
import { custodyMethods } from './custody';
import { dayMethods } from './day';
import { deviceMethods } from './devices';
import { kioskMethods } from './kiosk';
import { exportMethods } from './exports';
import { reportMethods } from './reports';
import { exportHistoryMethods } from './exportHistory';
import { labelMethods } from './labels';
import { mediaMethods } from './media';
import { pupilImportMethods } from './pupilImport';
import { privacyMethods } from './privacy';
import { settingsMethods } from './settings';
import { staffMethods } from './staff';
import { pouchMethods } from './pouches';
import { exemptionMethods } from './exemptions';
import { boardMethods } from './board';
import type { EventName, MethodName } from './names';

export * from './kiosk';
export * from './custody';
export * from './day';
export * from './devices';
export * from './media';
export * from './labels';
export * from './pupilImport';
export * from './exports';
export * from './reports';
export * from './privacy';
export * from './retention';
export * from './exportHistory';
export * from './settings';
export * from './staff';
export * from './pouches';
export * from './exemptions';
export * from './board';
export * from './events';
export * from './eventTypes';
export * from './names';
export * from './access';
export type { MethodSpec } from './define';

/**
 * Every call the screen can make, declared once. Main binds each name to ipcMain, the preload
 * exposes exactly these names, the test bridge serves them over HTTP; all of them derive their
 * types from this object.
 */
export const contract = {
  ...kioskMethods,
  ...custodyMethods,
  ...settingsMethods,
  ...dayMethods,
  ...mediaMethods,
  ...labelMethods,
  ...staffMethods,
  ...pupilImportMethods,
  ...exportMethods,
  ...deviceMethods,
  ...pouchMethods,
  ...exemptionMethods,
  ...reportMethods,
  ...privacyMethods,
  ...exportHistoryMethods,
  ...boardMethods,
} satisfies Record<MethodName, MethodSpec>;

export type Contract = typeof contract;
export type MethodArgs<K extends MethodName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends MethodName> = z.output<Contract[K]['args']>;
export type MethodResult<K extends MethodName> = z.output<Contract[K]['result']>;
/** Who may make the call (see access.ts); the gateway checks it before anything else. */
export type AccessOf<K extends MethodName> = Contract[K]['access'];

// `satisfies` above rejects a missing name; these reject a schema whose name is not listed.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodListComplete: SameKeys<keyof Contract, MethodName> = true;
const eventListComplete: SameKeys<keyof Events, EventName> = true;
void methodListComplete;
void eventListComplete;

/** What the screen sees: one async function per method, and a subscription per push event. */
export type Api = { [K in MethodName]: (args: MethodArgs<K>) => Promise<Result<MethodResult<K>>> };

export interface Bridge {
  api: Api;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
