import { useSession } from '../../state/SessionContext';
import { StaffScreen } from './StaffScreen';

/** "Personeel" as an office section: the staff list, acting as whoever unlocked the office. */
export function StaffSection() {
  const { session } = useSession();
  return session.unlocked ? <StaffScreen me={session.unlocked} /> : null;
}
