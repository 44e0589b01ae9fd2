import { isCustodyChanging, type EventName, type EventPayload } from '../../shared/contract';
import type { Gateway } from '../api/gateway';

export type Push = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Tells every screen that custody changed once a custody-changing call has succeeded (after its
 * transaction committed), whoever made it: the teacher's overview is not left showing the past.
 */
export function withCustodyPush(gateway: Gateway, push: Push): Gateway {
  return {
    async invoke(method, rawArgs) {
      const result = await gateway.invoke(method, rawArgs);
      if (result.ok && isCustodyChanging(method)) {
        try {
          push('custodyChanged', { method });
        } catch {
          // The call itself succeeded and is committed; a screen that cannot be told (its window
          // is closing) must not turn that into a failure.
        }
      }
      return result;
    },
  };
}
