import { common } from './en/common';
import { door } from './en/door';
import { office } from './en/office';
import { teacher } from './en/teacher';
import type { Messages } from './nl';

export const en: Messages = {
  ...common,
  door,
  teacher,
  office,
};
