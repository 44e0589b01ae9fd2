import { ChangeOwnPin } from '../../components/ChangeOwnPin';
import type { TeacherScreenProps } from './screen';

/** "Mijn pincode" in the teacher menu. */
export function MyPinScreen({ staff }: TeacherScreenProps) {
  return (
    <section className="panel">
      <ChangeOwnPin role={staff.role} level={1} />
    </section>
  );
}
