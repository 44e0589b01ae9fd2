export const setup = {
  title: 'Deze kiosk inrichten',
  intro:
    'Er is nog niemand aangemeld op deze kiosk. Maak eerst een beheerder aan: die kan daarna de instellingen kiezen en leerkrachten aanmelden.',
  name: 'Naam van de beheerder',
  pin: 'Pincode (4 tot 8 cijfers)',
  again: 'Pincode nog een keer',
  create: 'Beheerder aanmaken',
  pinShape: 'Een pincode heeft 4 tot 8 cijfers.',
  pinMismatch: 'De twee pincodes zijn niet gelijk.',
} as const;
