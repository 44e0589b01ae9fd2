import type { Messages } from '../nl';

export const setup: Messages['setup'] = {
  title: 'Set up this kiosk',
  intro:
    'Nobody is registered on this kiosk yet. First create an administrator: they can then choose the settings and register teachers.',
  name: 'Administrator’s name',
  pin: 'PIN (6 to 8 digits)',
  again: 'PIN again',
  create: 'Create administrator',
  pinShape: 'An administrator’s PIN has 6 to 8 digits.',
  doneTitle: 'The administrator has been created',
  doneText: 'Now register the teachers and the office: each of them will choose their own name on the PIN screen and type their own PIN.',
  addStaff: 'Register teachers',
  later: 'Later',
  pinMismatch: 'The two PINs are not the same.',
};
