import type { Messages } from '../nl';

export const setup: Messages['setup'] = {
  title: 'Set up this kiosk',
  intro:
    'Nobody is registered on this kiosk yet. First create an administrator: they can then choose the settings and register teachers.',
  name: 'Administrator’s name',
  pin: 'PIN (4 to 8 digits)',
  again: 'PIN again',
  create: 'Create administrator',
  pinShape: 'A PIN has 4 to 8 digits.',
  pinMismatch: 'The two PINs are not the same.',
};
