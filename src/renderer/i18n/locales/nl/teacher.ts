export const teacher = {
  title: 'Leerkracht',
  onDuty: '{{name}} heeft dienst: wat nu wordt ingeleverd, is in jouw bewaring.',
  lock: 'Vergrendelen',
  menu: {
    label: 'Leerkrachtmenu',
    overview: 'Overzicht',
  },
  unlock: {
    title: 'Leerkracht: ontgrendelen',
    pin: 'Toets je pincode in',
  },
} as const;
