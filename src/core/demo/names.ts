/** Common Dutch first names of children born around 2013–2015, and surnames with their prefixes. */
export const ROEPNAMEN = [
  'Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Levi', 'Tess', 'Finn', 'Sophie', 'Milan', 'Zoë',
  'Noah', 'Sara', 'Luuk', 'Nora', 'Bram', 'Anna', 'Jesse', 'Evi', 'Thijs', 'Saar', 'Liam', 'Lotte',
  'Sven', 'Fenna', 'Ruben', 'Lynn', 'Mees', 'Noor', 'Stijn', 'Yara', 'Gijs', 'Fleur', 'Teun', 'Roos',
  'Jayden', 'Lieke', 'Mohamed', 'Amira', 'Adam', 'Ilse', 'Ties', 'Femke', 'Cas', 'Isa', 'Bo', 'Jasmijn',
] as const;

export const ACHTERNAMEN: readonly (readonly [voorvoegsel: string, achternaam: string])[] = [
  ['de', 'Jong'], ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'],
  ['', 'Janssen'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'],
  ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'],
  ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'],
  ['van der', 'Meer'], ['van der', 'Linden'], ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'],
  ['van den', 'Heuvel'], ['van der', 'Veen'], ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Bruin'],
  ['van der', 'Heijden'], ['', 'Schouten'], ['van', 'Beek'], ['', 'Willems'], ['van', 'Vliet'],
  ['', 'Yılmaz'], ['', 'El Amrani'], ['', 'Hoekstra'], ['', 'Koster'], ['', 'Prins'], ['', 'Huisman'],
];

export const PHONES = [
  'iPhone 12 zwart', 'iPhone 13 blauw', 'iPhone SE wit', 'iPhone 11 met roze hoesje', 'Samsung Galaxy A14 zwart',
  'Samsung Galaxy A34 met doorzichtig hoesje', 'Samsung Galaxy A54 lichtgroen', 'Motorola moto g54 blauw',
  'Xiaomi Redmi Note 12 grijs', 'OPPO A78 zwart', 'Google Pixel 7a wit', 'Nokia G22 blauw met stickers',
] as const;

export const WATCHES = [
  'Apple Watch SE zilver', 'Garmin Bounce kinderhorloge', 'Xplora X6 Play blauw', 'Samsung Galaxy Watch zwart',
  'Fitbit Ace 3 roze',
] as const;
