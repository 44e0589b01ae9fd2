import { z } from 'zod';
import {
  admits,
  contract,
  minPinLength,
  type Access,
  type AccessOf,
  type MethodName,
  type MethodResult,
  type ParsedArgs,
  type StaffSummary,
} from '../../shared/contract';
import { AppError, type DetailsArgs, type ErrorCode, type Result } from '../../shared/errors';
import { asStorageError } from '../db/storageErrors';

/**
 * What the gateway tells a handler besides its arguments. The actor is resolved once, here, from
 * the session: no handler looks it up itself, and no call can name it.
 */
export interface CallContext<L extends Access = Access> {
  /** Who makes the call: for a staff-level method always a staff member; at the door, null is a pupil. */
  actor: L extends 'door' ? StaffSummary | null : StaffSummary;
}

/** The core's implementation of every contract method; the compiler insists on all of them. */
export type Handlers = {
  [K in MethodName]: (args: ParsedArgs<K>, ctx: CallContext<AccessOf<K>>) => MethodResult<K> | Promise<MethodResult<K>>;
};

/** The part of the kiosk session the gateway asks on every call. */
export interface ActingStaff {
  unlockedStaff(): StaffSummary | null;
  markUsed(): void;
  /** The unlocked PIN is shorter than the role now asks (see minPinLength): only changing it is allowed. */
  pinChangeRequired(): boolean;
}

/** What a staff member whose PIN is too short may still do besides the door's calls: change it. */
const ALLOWED_BEFORE_PIN_CHANGE: ReadonlySet<MethodName> = new Set(['changeOwnPin']);

/** The handler table together with the session its calls act in. */
export interface CoreApi {
  handlers: Handlers;
  session: ActingStaff;
}

export interface Gateway {
  /**
   * Checks who may call `method`, validates `rawArgs` against the contract, runs the handler and
   * returns a typed result. Never throws and never returns a stack trace: anything unexpected
   * becomes `INTERNAL`.
   */
  invoke(method: string, rawArgs: unknown): Promise<Result<unknown>>;
}

export interface GatewayOptions {
  /** Told about unexpected failures; receives no arguments, so no personal data reaches a log. */
  onInternalError?: (method: string, error: unknown) => void;
}

const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export function createGateway(api: CoreApi, options: GatewayOptions = {}): Gateway {
  return {
    async invoke(method, rawArgs) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', { method: String(method).slice(0, 80) });
      const spec = contract[method];
      try {
        // Access before arguments: a locked screen learns nothing about a staff call's inputs.
        const actor = api.session.unlockedStaff();
        if (spec.access !== 'door') {
          if (!actor) return fail('NOT_UNLOCKED');
          if (!admits(spec.access, actor.role)) return fail('NOT_AUTHORISED');
          // Enforced here, not only by the screen: another client of the same IPC gets no further.
          if (api.session.pinChangeRequired() && !ALLOWED_BEFORE_PIN_CHANGE.has(method)) {
            return fail('PIN_CHANGE_REQUIRED', { minLength: minPinLength(actor.role) });
          }
          api.session.markUsed();
        }
        const parsed = spec.args.safeParse(rawArgs ?? {});
        if (!parsed.success) return fail('INVALID_ARGUMENT', { issues: summariseIssues(parsed.error) });
        const handler = api.handlers[method] as (args: unknown, ctx: CallContext) => unknown;
        const value: unknown = await handler(parsed.data, { actor });
        // The result schema is checked too: a core bug must not leak a malformed object.
        return { ok: true, value: (spec.result as z.ZodType).parse(value) };
      } catch (thrown) {
        // A write outside a service's transaction (a PIN counter, a setting) meets the same disk.
        const error = asStorageError(thrown);
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        options.onInternalError?.(method, error);
        return fail('INTERNAL');
      }
    },
  };
}

function fail<C extends ErrorCode>(code: C, ...details: DetailsArgs<C>): Result<never> {
  return { ok: false, error: new AppError(code, ...details).toData() };
}

/** Paths and issue codes only: the rejected values themselves may be personal data. */
function summariseIssues(error: z.ZodError): { path: string; code: string }[] {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
}
