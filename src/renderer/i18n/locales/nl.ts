/** Dutch is the source language: every key exists here first. */
export const nl = {
  app: {
    name: 'Inleverpunt',
    language: 'Taal',
    languages: { nl: 'Nederlands', en: 'English' },
  },
  nav: {
    door: 'Inleveren',
    teacher: 'Leerkracht',
    office: 'Administratie',
    main: 'Hoofdmenu',
  },
  door: {
    prompt: 'Scan je telefoon of horloge',
    hint: 'Houd de sticker of de tag bij de lezer.',
    kiosk: 'Kiosk: {{name}}',
    notReady:
      'Deze kiosk registreert nog geen inleveringen: scannen en het bewaarlogboek worden nog ingebouwd. Lever je apparaat in bij je juf of meester.',
  },
  teacher: {
    title: 'Leerkracht',
    notReady: 'Ontgrendelen met een pincode, teruggeven en het overzicht van wat in bewaring is komen in een volgende versie.',
  },
  office: {
    title: 'Administratie',
    notReady: 'Leerlingen importeren, apparaten registreren, stickers afdrukken en logboeken exporteren komen in een volgende versie.',
  },
  health: {
    readOnly: 'Let op: het logboek klopt niet meer. Er wordt niets opgeslagen. Waarschuw de beheerder.',
  },
  pin: {
    entered_one: '{{count}} cijfer ingetoetst',
    entered_other: '{{count}} cijfers ingetoetst',
    erase: 'Wis laatste cijfer',
    ok: 'Bevestig pincode',
  },
  errors: {
    bridgeMissing: 'Het scherm kan de kiosk niet bereiken. Start Inleverpunt opnieuw.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every other language must have exactly these keys; the compiler and a test check it. */
export type Messages = Widen<typeof nl>;
