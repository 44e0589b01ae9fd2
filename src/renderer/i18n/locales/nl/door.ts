export const door = {
  prompt: 'Scan je telefoon of horloge',
  hint: 'Houd de sticker of de tag bij de lezer.',
  kiosk: 'Kiosk: {{name}}',
  notReady:
    'Deze kiosk registreert nog geen inleveringen: scannen en het bewaarlogboek worden nog ingebouwd. Lever je apparaat in bij je juf of meester.',
} as const;
