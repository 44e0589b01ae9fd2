import { z } from 'zod';
import { contract, type MethodName, type MethodResult, type ParsedArgs } from '../../shared/contract';
import { AppError, type DetailsArgs, type ErrorCode, type Result } from '../../shared/errors';

/** The core's implementation of every contract method; the compiler insists on all of them. */
export type Handlers = {
  [K in MethodName]: (args: ParsedArgs<K>) => MethodResult<K> | Promise<MethodResult<K>>;
};

export interface Gateway {
  /**
   * Validates `rawArgs` against the contract, runs the handler and returns a typed result.
   * Never throws and never returns a stack trace: anything unexpected becomes `INTERNAL`.
   */
  invoke(method: string, rawArgs: unknown): Promise<Result<unknown>>;
}

export interface GatewayOptions {
  /** Told about unexpected failures; receives no arguments, so no personal data reaches a log. */
  onInternalError?: (method: string, error: unknown) => void;
}

const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export function createGateway(handlers: Handlers, options: GatewayOptions = {}): Gateway {
  return {
    async invoke(method, rawArgs) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', { method: String(method).slice(0, 80) });
      const spec = contract[method];
      const parsed = spec.args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        return fail('INVALID_ARGUMENT', { issues: summariseIssues(parsed.error) });
      }
      try {
        const handler = handlers[method] as (args: unknown) => unknown;
        const value: unknown = await handler(parsed.data);
        // The result schema is checked too: a core bug must not leak a malformed object.
        return { ok: true, value: (spec.result as z.ZodType).parse(value) };
      } catch (error) {
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
