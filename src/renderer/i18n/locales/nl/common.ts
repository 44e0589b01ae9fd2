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
    staff: 'Personeel',
  },
  idle: {
    warning: 'Ben je er nog? Over {{seconds}} s gaat het scherm terug naar het inleveren en wat je invulde verdwijnt.',
    stay: 'Ik ben er nog',
  },
  health: {
    readOnly: 'Let op: het logboek klopt niet meer. Er wordt niets opgeslagen. Waarschuw de beheerder.',
    recover: 'Back-up terugzetten',
    diskFull: 'De schijf van deze pc is vol: er wordt niets opgeslagen. Maak ruimte vrij of bel de ICT-partner; daarna werkt de kiosk meteen weer.',
    diskReadOnly: 'De database kan niet worden beschreven (alleen-lezen): er wordt niets opgeslagen. Bel de ICT-partner.',
    backupFailed: 'De laatste back-up is mislukt ({{when}}). De kiosk probeert het elk uur opnieuw; lukt het morgen nog niet, bel dan de ICT-partner.',
    checkFailed: 'De dagelijkse controle ({{when}}) vond een fout in de database of het logboek. Er wordt niets meer opgeslagen: zet de nieuwste goede back-up terug.',
  },
  pin: {
    entered_one: '{{count}} cijfer ingetoetst',
    entered_other: '{{count}} cijfers ingetoetst',
    erase: 'Wis laatste cijfer',
    ok: 'OK, bevestig pincode',
  },
  errors: {
    bridgeMissing: 'Het scherm kan de kiosk niet bereiken. Start Inleverpunt opnieuw.',
  },
} as const;
