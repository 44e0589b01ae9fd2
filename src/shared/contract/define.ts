import type { z } from 'zod';
import type { Access } from './access';

/** One call across the process boundary: who may make it, its argument and its result. */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType, L extends Access = Access> {
  access: L;
  args: A;
  result: R;
}

/** The access level comes first and is required: a method nobody thought about does not compile. */
export function method<L extends Access, A extends z.ZodType, R extends z.ZodType>(
  access: L,
  args: A,
  result: R,
): MethodSpec<A, R, L> {
  return { access, args, result };
}
