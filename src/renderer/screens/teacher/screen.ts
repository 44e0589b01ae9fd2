import type { ComponentType } from 'react';
import type { nl } from '../../i18n/locales/nl';
import type { StaffSummary } from '../../../shared/contract';

// What every teacher screen receives, apart from the registry that lists them (so a screen
// never imports the list it is on).

export interface TeacherScreenProps {
  staff: StaffSummary;
  /** From the route, e.g. `device` for a screen about one device. */
  params: URLSearchParams;
}

export interface TeacherScreen {
  /** The route segment: `#/teacher/<id>`. */
  id: string;
  /** Its name in the menu: a key of `teacher.menu` in the translations. */
  label: Exclude<keyof typeof nl.teacher.menu, 'label'>;
  Component: ComponentType<TeacherScreenProps>;
  /** Listed in the teacher menu; otherwise reached from another screen (e.g. with a device). */
  inMenu: boolean;
}
