import type { Messages } from '../nl';

export const door: Messages['door'] = {
  prompt: 'Scan your phone or watch',
  hint: 'Hold the sticker or the tag to the reader.',
  kiosk: 'Kiosk: {{name}}',
  notReady:
    'This kiosk does not record hand-ins yet: scanning and the custody ledger are still being built. Hand your device to your teacher.',
};
