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
    syncBehind:
      'Let op: de centrale database van het bestuur heeft meer gebeurtenissen van deze kiosk dan de kiosk zelf ({{when}}). Dat gebeurt na het terugzetten van een oudere back-up: wat daarna op deze kiosk gebeurde, staat nog centraal, maar niet meer hier. De kiosk werkt gewoon door en stuurt niets meer tot dit is opgelost. Bel de ICT-partner; het bestuurskantoor ziet de melding ook.',
    syncDiverged:
      'Let op: de centrale database van het bestuur weigert dit logboek ({{when}}). Wat deze kiosk nu heeft, klopt niet meer met wat er al centraal lag: er is mogelijk iets in de geschiedenis veranderd. De kiosk werkt gewoon door. Zet geen back-up terug en bel de ICT-partner; het bestuurskantoor ziet de melding ook.',
    syncForked:
      'Let op: na het terugzetten van de back-up legde deze kiosk al eigen gebeurtenissen vast voordat hij uit de centrale database van het bestuur kon terughalen wat de back-up miste ({{when}}). Vanaf gebeurtenis {{seq}} verschillen de twee logboeken, dus er is niets teruggehaald en er wordt niets verstuurd. De kiosk werkt gewoon door. Bel de ICT-partner; het bestuurskantoor ziet de melding ook.',
    syncCentralBad:
      'Let op: de centrale kopie van het logboek van deze kiosk klopt niet ({{when}}): {{problem}}. Er is niets uit teruggehaald. De kiosk werkt gewoon door. Bel de ICT-partner; het bestuurskantoor moet de centrale database laten controleren.',
    syncTakenBack_one:
      'Na het terugzetten van de back-up heeft deze kiosk {{count}} gebeurtenis teruggehaald uit de centrale database van het bestuur ({{when}}): het logboek is weer compleet. Notities en namen van die gebeurtenis stonden niet centraal en zijn niet beschikbaar.',
    syncTakenBack_other:
      'Na het terugzetten van de back-up heeft deze kiosk {{count}} gebeurtenissen teruggehaald uit de centrale database van het bestuur ({{when}}): het logboek is weer compleet. Notities en namen van die gebeurtenissen stonden niet centraal en zijn niet beschikbaar.',
    syncRefused:
      'Let op: de centrale database van het bestuur weigert wat deze kiosk stuurt ({{when}}): {{problem}}. De gebeurtenissen blijven veilig op deze kiosk, maar komen niet centraal aan. Bel de ICT-partner.',
    syncOffline_one:
      'De centrale database van het bestuur is sinds {{since}} niet bereikbaar: {{count}} gebeurtenis wacht op deze kiosk. Die gaat vanzelf mee zodra het netwerk er weer is; blijft het zo, bel dan de ICT-partner.',
    syncOffline_other:
      'De centrale database van het bestuur is sinds {{since}} niet bereikbaar: {{count}} gebeurtenissen wachten op deze kiosk. Die gaan vanzelf mee zodra het netwerk er weer is; blijft het zo, bel dan de ICT-partner.',
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
