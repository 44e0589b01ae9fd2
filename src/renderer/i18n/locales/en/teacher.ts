import type { Messages } from '../nl';

export const teacher: Messages['teacher'] = {
  title: 'Teacher',
  onDuty: '{{name}} is on duty: what is handed in now is in your custody.',
  lock: 'Lock',
  menu: {
    label: 'Teacher menu',
    overview: 'Overview',
  },
  unlock: {
    title: 'Teacher: unlock',
    pin: 'Enter your PIN',
  },
};
