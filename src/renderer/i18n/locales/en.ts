import type { Messages } from './nl';

export const en: Messages = {
  app: {
    name: 'Inleverpunt',
    language: 'Language',
    languages: { nl: 'Nederlands', en: 'English' },
  },
  nav: {
    door: 'Hand in',
    teacher: 'Teacher',
    office: 'Office',
    main: 'Main menu',
  },
  door: {
    prompt: 'Scan your phone or watch',
    hint: 'Hold the sticker or the tag to the reader.',
    kiosk: 'Kiosk: {{name}}',
    notReady:
      'This kiosk does not record hand-ins yet: scanning and the custody ledger are still being built. Hand your device to your teacher.',
  },
  teacher: {
    title: 'Teacher',
    notReady: 'Unlocking with a PIN, returning devices and the overview of what is in custody come in a later version.',
  },
  office: {
    title: 'Office',
    notReady: 'Importing pupils, registering devices, printing stickers and exporting logs come in a later version.',
  },
  health: {
    readOnly: 'Warning: the ledger failed its check. Nothing is being stored. Tell the administrator.',
  },
  pin: {
    entered_one: '{{count}} digit entered',
    entered_other: '{{count}} digits entered',
    erase: 'Erase last digit',
    ok: 'Confirm PIN',
  },
  errors: {
    bridgeMissing: 'The screen cannot reach the kiosk. Restart Inleverpunt.',
  },
};
