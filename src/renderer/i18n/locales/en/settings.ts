import type { Messages } from '../nl';

export const settings: Messages['settings'] = {
  title: 'Settings',
  adminOnly: 'Only an administrator can change the settings.',
};
