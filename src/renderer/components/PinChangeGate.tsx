import type { ReactNode } from 'react';
import { useSession } from '../state/SessionContext';
import { ChangeOwnPin } from './ChangeOwnPin';

/**
 * A PIN set before the longer minimum (or kept through a promotion to office) still unlocks, once:
 * the staff areas then ask for a new one before anything else.
 */
export function PinChangeGate({ children }: { children: ReactNode }) {
  const { session, pinChangeRequired, pinChanged } = useSession();
  if (!session.unlocked || !pinChangeRequired) return <>{children}</>;
  return (
    <section className="panel">
      <ChangeOwnPin role={session.unlocked.role} forced onChanged={pinChanged} level={1} />
    </section>
  );
}
