export const setup = {
  title: 'Deze kiosk inrichten',
  intro:
    'Er is nog niemand aangemeld op deze kiosk. Maak eerst een beheerder aan: die kan daarna de instellingen kiezen en leerkrachten aanmelden.',
  name: 'Naam van de beheerder',
  pin: 'Pincode (6 tot 8 cijfers)',
  again: 'Pincode nog een keer',
  create: 'Beheerder aanmaken',
  pinShape: 'De pincode van een beheerder heeft 6 tot 8 cijfers.',
  doneTitle: 'De beheerder is aangemaakt',
  doneText: 'Meld nu de leerkrachten en de administratie aan: ieder kiest straks op het pincodescherm de eigen naam en toetst de eigen pincode.',
  addStaff: 'Leerkrachten aanmelden',
  later: 'Later',
  pinMismatch: 'De twee pincodes zijn niet gelijk.',
} as const;
