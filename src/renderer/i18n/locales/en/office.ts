import type { Messages } from '../nl';

export const office: Messages['office'] = {
  title: 'Office',
  unlockTitle: 'Office: unlock',
  officeOnly: 'This part is for the office and the administrator.',
  notReady: 'Importing pupils, registering devices, printing stickers and exporting logs come in a later version.',
};
