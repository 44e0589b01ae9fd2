import type { TeacherScreen } from './screen';
import { OverviewScreen } from './OverviewScreen';
import { ManualScreen } from './ManualScreen';
import { TransferScreen } from './TransferScreen';
import { CorrectionsScreen } from './CorrectionsScreen';
import { EndOfDayScreen } from './EndOfDayScreen';
import { ConditionScreen } from './ConditionScreen';
import { ConfiscateScreen } from './ConfiscateScreen';
import { IncidentScreen } from './IncidentScreen';
import { ReleaseScreen } from './ReleaseScreen';
import { MyPinScreen } from './MyPinScreen';

/** Every screen of the teacher area; the first is where an unlock lands. One line per screen. */
export const teacherScreens: TeacherScreen[] = [
  { id: 'overview', label: 'overview', Component: OverviewScreen, inMenu: true },
  { id: 'manual', label: 'manual', Component: ManualScreen, inMenu: true },
  { id: 'transfer', label: 'transfer', Component: TransferScreen, inMenu: true },
  { id: 'corrections', label: 'corrections', Component: CorrectionsScreen, inMenu: true },
  { id: 'end-of-day', label: 'endOfDay', Component: EndOfDayScreen, inMenu: true },
  { id: 'confiscate', label: 'confiscate', Component: ConfiscateScreen, inMenu: true },
  // Reached from the dashboard's row of a confiscated device, or from a confiscation's confirmation.
  { id: 'release', label: 'release', Component: ReleaseScreen, inMenu: false },
  { id: 'condition', label: 'condition', Component: ConditionScreen, inMenu: false },
  { id: 'incident', label: 'incident', Component: IncidentScreen, inMenu: false },
  { id: 'my-pin', label: 'myPin', Component: MyPinScreen, inMenu: true },
];
