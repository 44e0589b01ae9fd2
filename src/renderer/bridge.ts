import {
  BRIDGE_GLOBAL,
  type Bridge,
  type MethodArgs,
  type MethodName,
  type MethodResult,
} from '../shared/contract';
import type { AppErrorData } from '../shared/errors';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: Bridge;
  }
}

/** The object the preload (or the test bridge) exposes; the screen has no other way out. */
export function bridge(): Bridge {
  const b = window[BRIDGE_GLOBAL];
  if (!b) throw new Error('Inleverpunt bridge missing: the page was not opened by the app');
  return b;
}

/** A failed call, carrying the contract's error code and its Dutch and English message. */
export class CallError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.code);
    this.name = 'CallError';
  }
}

export async function call<K extends MethodName>(name: K, args: MethodArgs<K>): Promise<MethodResult<K>> {
  const result = await bridge().api[name](args);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}
