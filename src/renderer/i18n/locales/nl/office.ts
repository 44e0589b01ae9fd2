export const office = {
  title: 'Administratie',
  unlockTitle: 'Administratie: ontgrendelen',
  officeOnly: 'Dit deel is voor de administratie en de beheerder.',
  notReady: 'Leerlingen importeren, apparaten registreren, stickers afdrukken en logboeken exporteren komen in een volgende versie.',
} as const;
