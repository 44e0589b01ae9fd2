export const office = {
  title: 'Administratie',
  notReady: 'Leerlingen importeren, apparaten registreren, stickers afdrukken en logboeken exporteren komen in een volgende versie.',
} as const;
