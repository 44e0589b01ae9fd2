import { common } from './en/common';
import { devices } from './en/devices';
import { door } from './en/door';
import { office } from './en/office';
import { privacy } from './en/privacy';
import { settings } from './en/settings';
import { setup } from './en/setup';
import { staff } from './en/staff';
import { startFailure } from './en/startFailure';
import { teacher } from './en/teacher';
import { workflows } from './en/workflows';
import { pouches } from './en/pouches';
import { exemptions } from './en/exemptions';
import { board } from './en/board';
import type { Messages } from './nl';

export const en: Messages = {
  ...common,
  door,
  teacher,
  workflows,
  office,
  privacy,
  settings,
  setup,
  staff,
  startFailure,
  devices,
  pouches,
  exemptions,
  board,
};
