export const settings = {
  title: 'Instellingen',
  adminOnly: 'Alleen een beheerder kan de instellingen wijzigen.',
} as const;
