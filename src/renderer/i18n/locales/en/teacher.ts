import type { Messages } from '../nl';

export const teacher: Messages['teacher'] = {
  title: 'Teacher',
  notReady: 'Unlocking with a PIN, returning devices and the overview of what is in custody come in a later version.',
};
