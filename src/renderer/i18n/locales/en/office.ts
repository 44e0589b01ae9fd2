import type { Messages } from '../nl';

export const office: Messages['office'] = {
  title: 'Office',
  notReady: 'Importing pupils, registering devices, printing stickers and exporting logs come in a later version.',
};
