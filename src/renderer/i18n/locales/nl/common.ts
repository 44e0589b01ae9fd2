/** Texts every screen shares. */
export const common = {
  app: {
    name: 'Inleverpunt',
    language: 'Taal',
    languages: { nl: 'Nederlands', en: 'English' },
  },
  nav: {
    door: 'Inleveren',
    teacher: 'Leerkracht',
    office: 'Administratie',
    settings: 'Instellingen',
    main: 'Hoofdmenu',
  },
  idle: {
    warning: 'Ben je er nog? Over {{seconds}} s gaat het scherm terug naar het inleveren en wat je invulde verdwijnt.',
    stay: 'Ik ben er nog',
  },
  health: {
    readOnly: 'Let op: het logboek klopt niet meer. Er wordt niets opgeslagen. Waarschuw de beheerder.',
    recover: 'Back-up terugzetten',
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
