export const teacher = {
  title: 'Leerkracht',
  notReady: 'Ontgrendelen met een pincode, teruggeven en het overzicht van wat in bewaring is komen in een volgende versie.',
} as const;
