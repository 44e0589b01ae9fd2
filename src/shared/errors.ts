import type { z } from 'zod';
import type { DeviceKind } from './contract/custody';
import type { EventType } from './contract/eventTypes';

/**
 * Stable error codes the renderer, the CLI and the logs can rely on. The code is the contract;
 * the messages are what a teacher or pupil reads, in Dutch first.
 */
export const errorMessages = {
  INVALID_ARGUMENT: {
    nl: 'De gegevens zijn niet geldig.',
    en: 'The input is not valid.',
  },
  UNKNOWN_METHOD: {
    nl: 'Deze opdracht bestaat niet.',
    en: 'This command does not exist.',
  },
  FORBIDDEN_SENDER: {
    nl: 'Deze opdracht komt niet van het kioskscherm en is geweigerd.',
    en: 'This command did not come from the kiosk screen and was refused.',
  },
  INTERNAL: {
    nl: 'Er ging iets mis in het programma. Niets van wat al was opgeslagen is verloren.',
    en: 'Something went wrong inside the app. Nothing already stored has been lost.',
  },
  NOT_AVAILABLE: {
    nl: 'Dit onderdeel is nog niet beschikbaar.',
    en: 'This part is not available yet.',
  },
  DB_FROM_NEWER_VERSION: {
    nl: 'Deze database is gemaakt door een nieuwere versie van Inleverpunt. Installeer die versie; de database is niet aangepast.',
    en: 'This database was written by a newer version of Inleverpunt. Install that version; the database has not been changed.',
  },
  DB_CORRUPT: {
    nl: 'De database is beschadigd. Er wordt niets meer opgeslagen; zet een back-up terug.',
    en: 'The database is damaged. Nothing more will be stored; restore a backup.',
  },
  DB_READ_ONLY: {
    nl: 'Het logboek klopt niet meer, daarom wordt er niets opgeslagen. Vraag de beheerder een back-up terug te zetten.',
    en: 'The ledger failed its check, so nothing is being stored. Ask the administrator to restore a backup.',
  },
  DISK_FULL: {
    nl: 'De schijf van deze pc is vol, daarom is er niets opgeslagen. Maak ruimte vrij op de schijf of bel de ICT-partner; zodra er weer ruimte is, werkt de kiosk weer (zonder herstart).',
    en: 'The disk of this PC is full, so nothing was stored. Free space on the disk or call the IT partner; as soon as there is room again the kiosk works again (no restart needed).',
  },
  DISK_READ_ONLY: {
    nl: 'De database kan niet worden beschreven (het bestand, de map of de schijf is alleen-lezen), daarom is er niets opgeslagen. Bel de ICT-partner.',
    en: 'The database cannot be written (its file, folder or disk is read-only), so nothing was stored. Call the IT partner.',
  },
  REGISTRY_MISMATCH: {
    nl: 'De registratie (leerlingen, apparaten, stickers, vakken of medewerkers) klopt niet met het logboek, daarom wordt er niets opgeslagen. Vraag de beheerder een back-up terug te zetten.',
    en: 'The registration (pupils, devices, stickers, pouches or staff) does not match the ledger, so nothing is being stored. Ask the administrator to restore a backup.',
  },
  BACKUP_FAILED: {
    nl: 'De back-up is mislukt: de kopie klopte niet en is weggegooid. De database zelf is niet veranderd.',
    en: 'The backup failed: the copy did not check out and was discarded. The database itself is unchanged.',
  },
  BACKUP_INVALID: {
    nl: 'Deze back-up is beschadigd of niet compleet en wordt niet teruggezet. Kies een andere back-up.',
    en: 'This backup is damaged or incomplete and will not be restored. Choose another backup.',
  },
  BACKUP_OTHER_KIOSK: {
    nl: 'Deze back-up is van een andere kiosk en wordt niet teruggezet. Kies een back-up van deze kiosk.',
    en: 'This backup belongs to another kiosk and will not be restored. Choose a backup of this kiosk.',
  },
  NOT_UNLOCKED: {
    nl: 'Ontgrendel eerst met je pincode.',
    en: 'Unlock with your PIN first.',
  },
  NO_GOOD_BACKUP: {
    nl: 'Er is geen goede back-up gevonden. Neem contact op met de ICT-partner; er is niets verwijderd.',
    en: 'No good backup was found. Contact the IT partner; nothing has been deleted.',
  },
  SETUP_DONE: {
    nl: 'Deze kiosk heeft al een beheerder. Vraag die om je aan te melden.',
    en: 'This kiosk already has an administrator. Ask them to register you.',
  },
  ROLLOUT_CONFIG_INVALID: {
    nl: 'Het uitrolbestand (config.json) klopt niet. De kiosk past het niet toe en houdt de instellingen die hij al had.',
    en: 'The roll-out file (config.json) is not valid. The kiosk does not apply it and keeps the settings it already had.',
  },
  POUCH_TAKEN: {
    nl: 'Dit vak is al van een andere leerling. Maak het eerst vrij.',
    en: 'This pouch already belongs to another pupil. Free it first.',
  },
  POUCH_RETIRED: {
    nl: 'Dit vak is buiten gebruik gesteld en wordt niet meer uitgedeeld.',
    en: 'This pouch has been retired and is no longer given out.',
  },
  POUCH_HOLDS_DEVICE: {
    nl: 'In dit vak zit nu een apparaat. Geef het eerst terug; daarna kan het vak buiten gebruik.',
    en: 'A device is in this pouch now. Return it first; then the pouch can be retired.',
  },
  BAG_EXISTS: {
    nl: 'Deze groep heeft al een telefoontas. Voeg daar vakken aan toe.',
    en: 'This group already has a phone bag. Add pouches to it instead.',
  },
  UNKNOWN_EXEMPTION: {
    nl: 'Deze vrijstelling bestaat niet.',
    en: 'This exemption does not exist.',
  },
  EXEMPTION_ENDED: {
    nl: 'Deze vrijstelling is al beëindigd.',
    en: 'This exemption has already ended.',
  },
  // — custody ledger and its services —
  UNKNOWN_TAG: {
    nl: 'Deze sticker of tag kent Inleverpunt niet.',
    en: 'Inleverpunt does not know this sticker or tag.',
  },
  TAG_REVOKED: {
    nl: 'Deze sticker of tag werkt niet meer. Je juf of meester geeft je een nieuwe.',
    en: 'This sticker or tag no longer works. Your teacher will give you a new one.',
  },
  TAG_IN_USE: {
    nl: 'Deze code hoort al bij een apparaat (een actieve sticker of NFC-tag). Trek die eerst in of verplaats hem.',
    en: 'This code already belongs to a device (an active sticker or NFC tag). Withdraw or move that one first.',
  },
  TAG_ON_POUCH: {
    nl: 'Deze code hoort al bij een vakje van de telefoontas. Gebruik een andere sticker.',
    en: 'This code already belongs to a pouch of the phone bag. Use another sticker.',
  },
  TAG_ON_CARD: {
    nl: 'Deze code hoort al bij een leerlingpas. Gebruik een andere sticker.',
    en: "This code already belongs to a pupil's card. Use another sticker.",
  },
  NOT_A_DEVICE_TAG: {
    nl: 'Alleen een sticker of NFC-tag van een apparaat kan naar een ander apparaat.',
    en: "Only a device's sticker or NFC tag can move to another device.",
  },
  NO_DEVICE: {
    nl: 'Bij deze leerling is nog geen apparaat geregistreerd. Vraag je juf of meester.',
    en: 'No device is registered for this pupil yet. Ask your teacher.',
  },
  CHOOSE_DEVICE: {
    nl: 'Kies welk apparaat het is.',
    en: 'Choose which device it is.',
  },
  NOT_IN_CUSTODY: {
    nl: 'Dit apparaat is nu niet ingeleverd, dus het kan niet worden teruggegeven of verplaatst.',
    en: 'This device is not handed in right now, so it cannot be returned or moved.',
  },
  ALREADY_IN_CUSTODY: {
    nl: 'Dit apparaat is al ingeleverd. Vraag je juf of meester als dat niet klopt.',
    en: 'This device has already been handed in. Ask your teacher if that is not right.',
  },
  CONFISCATED: {
    nl: 'Dit apparaat is in beslag genomen en gaat alleen terug naar een ouder of verzorger.',
    en: 'This device has been confiscated and goes back only to a parent or guardian.',
  },
  ALREADY_CONFISCATED: {
    nl: 'Dit apparaat is al in beslag genomen.',
    en: 'This device has already been confiscated.',
  },
  WITNESS_REQUIRED: {
    nl: 'Voor in beslag nemen is een tweede medewerker als getuige nodig, met een eigen pincode.',
    en: 'Confiscating a device needs a second staff member as witness, with their own PIN.',
  },
  PIN_WRONG: {
    nl: 'De pincode klopt niet.',
    en: 'The PIN is not correct.',
  },
  PIN_LOCKED: {
    nl: 'Te vaak een verkeerde pincode. Wacht even en probeer het dan opnieuw.',
    en: 'Too many wrong PINs. Wait a moment, then try again.',
  },
  PIN_TOO_SHORT: {
    nl: 'Deze pincode is te kort voor deze rol.',
    en: 'This PIN is too short for this role.',
  },
  RETURN_AFTER_END_OF_DAY: {
    nl: 'Teruggeven moet beginnen vóór het einde van de schooldag. Kies een vroegere tijd, of een later einde.',
    en: 'Returning must start before the end of the school day. Choose an earlier time, or a later end.',
  },
  PIN_CHANGE_REQUIRED: {
    nl: 'Je pincode is korter dan je rol nu vraagt. Kies eerst een nieuwe pincode.',
    en: 'Your PIN is shorter than your role now requires. Choose a new PIN first.',
  },
  LAST_ADMIN: {
    nl: 'Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder.',
    en: 'This is the last active administrator. Make someone else an administrator first.',
  },
  OWN_ACCOUNT: {
    nl: 'Je eigen account kun je hier niet wijzigen. Vraag een collega, of wijzig je pincode via "Mijn pincode".',
    en: 'You cannot change your own account here. Ask a colleague, or change your PIN under "My PIN".',
  },
  KEY_PROTECTED: {
    nl: 'De ondertekensleutel van deze kiosk is beschermd door het besturingssysteem en kan hier niet worden gebruikt. Onderteken in de app zelf.',
    en: "This kiosk's signing key is protected by the operating system and cannot be used here. Sign in the app itself.",
  },
  NOT_AUTHORISED: {
    nl: 'Dat mag je met jouw rol niet doen.',
    en: 'Your role does not allow this.',
  },
  UNKNOWN_STAFF: {
    nl: 'Deze medewerker bestaat niet of is niet meer actief.',
    en: 'This staff member does not exist or is no longer active.',
  },
  UNKNOWN_PUPIL: {
    nl: 'Deze leerling bestaat niet of is niet meer actief.',
    en: 'This pupil does not exist or is no longer active.',
  },
  PUPIL_NOT_AT_THIS_KIOSK: {
    nl: 'Deze leerling zit niet in een groep van deze kiosk. Schrijf het apparaat in bij de eigen groep van de leerling, of vraag de administratie.',
    en: 'This pupil is not in a group of this kiosk. Enrol the device at the pupil’s own group, or ask the office.',
  },
  PUPIL_INACTIVE: {
    nl: 'Deze leerling staat niet meer op school (niet actief). Registreer geen apparaat voor deze leerling.',
    en: 'This pupil has left the school (inactive). Do not register a device for this pupil.',
  },
  UNKNOWN_DEVICE: {
    nl: 'Dit apparaat bestaat niet of is niet meer actief.',
    en: 'This device does not exist or is no longer active.',
  },
  UNKNOWN_LOCATION: {
    nl: 'Deze bewaarplek bestaat niet of is niet meer actief.',
    en: 'This storage place does not exist or is no longer active.',
  },
  DUPLICATE_KEY: {
    nl: 'Dit bestaat al (zelfde sleutel of nummer).',
    en: 'This already exists (same key or number).',
  },
  UNKNOWN_EVENT: {
    nl: 'Deze gebeurtenis staat niet in het logboek.',
    en: 'This event is not in the ledger.',
  },
  NOT_AN_INCIDENT: {
    nl: 'Deze gebeurtenis is geen incidentmelding.',
    en: 'This event is not an incident report.',
  },
  UNKNOWN_MEDIA: {
    nl: 'Deze foto of handtekening is niet bewaard of is gewist.',
    en: 'This photo or signature was not kept, or it has been erased.',
  },
  ALREADY_VOIDED: {
    nl: 'Deze gebeurtenis is al gecorrigeerd.',
    en: 'This event has already been corrected.',
  },
  NOT_VOIDABLE: {
    nl: 'Deze gebeurtenis kan niet worden gecorrigeerd.',
    en: 'This event cannot be corrected.',
  },
  UNDO_TOO_LATE: {
    nl: 'Ongedaan maken kan nu niet meer. Een leerkracht kan het corrigeren bij Correcties.',
    en: 'It is too late to undo this. A teacher can correct it under Corrections.',
  },
  DB_NOT_FOUND: {
    nl: 'Er is op deze plek geen database gevonden. Maak een lege aan met het commando init, of start de app één keer. Klopt het pad niet, gebruik dan --db of INLEVERPUNT_DB.',
    en: 'No database was found at this location. Create an empty one with the init command, or start the app once. If the path is wrong, use --db or INLEVERPUNT_DB.',
  },
  DB_EXISTS: {
    nl: 'Op deze plek staat al een database. init maakt alleen een nieuwe aan en heeft niets veranderd.',
    en: 'A database already exists at this location. init only creates a new one and has changed nothing.',
  },
  DB_NOT_EMPTY: {
    nl: 'Deze database bevat al gegevens. Demogegevens worden alleen in een lege database gezet (of gebruik --force).',
    en: 'This database already holds data. Demo data only goes into an empty database (or use --force).',
  },
  DAY_NOT_CLEAR: {
    nl: 'De dag kan nog niet worden afgesloten: er zijn nog apparaten in bewaring zonder besluit.',
    en: 'The day cannot be closed yet: devices are still held without a decision.',
  },
  // — the office's pupil import —
  FILE_NOT_FOUND: {
    nl: 'Dit bestand bestaat niet of kan niet worden gelezen.',
    en: 'This file does not exist or cannot be read.',
  },
  IMPORT_UNREADABLE: {
    nl: 'Dit bestand kan niet worden ingelezen: het is geen EDEXML-, CSV- of Excelbestand, of het is beschadigd. Er is niets veranderd.',
    en: 'This file cannot be read: it is not an EDEXML, CSV or Excel file, or it is damaged. Nothing has been changed.',
  },
  IMPORT_TOO_LARGE: {
    nl: 'Dit bestand is te groot om in te lezen. Er is niets veranderd.',
    en: 'This file is too large to import. Nothing has been changed.',
  },
  IMPORT_HAS_PROBLEMS: {
    nl: 'Het bestand bevat fouten (zie de regels in het voorbeeld). Verbeter het bestand en lees het opnieuw in; er is niets veranderd.',
    en: 'The file contains errors (see the lines in the preview). Correct the file and import it again; nothing has been changed.',
  },
  IMPORT_STALE: {
    nl: 'De leerlingen zijn veranderd sinds dit voorbeeld. Bekijk het voorbeeld opnieuw; er is niets veranderd.',
    en: 'The pupils have changed since this preview. Look at the preview again; nothing has been changed.',
  },
  // — scanning —
  MISREAD_CODE: {
    nl: 'De sticker of tag werd niet goed gelezen.',
    en: 'The sticker or tag was not read properly.',
  },
  SCAN_TOO_LONG: {
    nl: 'Deze code is te lang om een label van Inleverpunt te zijn. Vraag je juf of meester.',
    en: 'This code is too long to be an Inleverpunt label. Ask your teacher.',
  },
  INVALID_NFC_UID: {
    nl: 'Het nummer van deze NFC-tag klopt niet. Controleer het invoerprofiel van de lezer.',
    en: "This NFC tag's number is not valid. Check the reader's input profile.",
  },
  RANDOM_NFC_UID: {
    nl: 'Dit is een telefoon of pas met een wisselend NFC-nummer. Gebruik een NFC-sticker of de barcode.',
    en: 'This is a phone or card with a changing NFC number. Use an NFC sticker or the barcode.',
  },
  CASCADE_NFC_UID: {
    nl: 'De lezer geeft maar een deel van het tagnummer door (begint met 88). Stel de lezer in op 7-byte UID’s.',
    en: 'The reader passes on only part of the tag number (it starts with 88). Set the reader to 7-byte UIDs.',
  },
  NFC_PROFILE_NOT_DETECTED: {
    nl: 'Het invoerprofiel van de lezer kon niet met deze referentietag worden bepaald. Probeer een andere tag.',
    en: "The reader's input profile could not be determined from this reference tag. Try another tag.",
  },
  SCANNER_NOT_FOUND: {
    nl: 'De scanner is niet gevonden. Controleer de USB-kabel en het vendor- en product-id in de instellingen.',
    en: 'The scanner was not found. Check the USB cable and the vendor and product id in the settings.',
  },
  SCANNER_OPEN_FAILED: {
    nl: 'De scanner is gevonden maar kan niet worden geopend. Mogelijk gebruikt een ander programma hem, of ontbreken rechten (Linux: udev-regel).',
    en: 'The scanner was found but cannot be opened. Another program may be using it, or permissions are missing (Linux: udev rule).',
  },
  CAMERA_NOT_AVAILABLE: {
    nl: 'Er is geen camera gevonden, of een ander programma gebruikt hem.',
    en: 'No camera was found, or another program is using it.',
  },
  CAMERA_PERMISSION_DENIED: {
    nl: 'De camera mag niet worden gebruikt. Vraag de beheerder dit toe te staan.',
    en: 'The camera may not be used. Ask the administrator to allow it.',
  },
  IMAGE_UNREADABLE: {
    nl: 'Dit bestand is geen leesbare PNG- of JPEG-afbeelding.',
    en: 'This file is not a readable PNG or JPEG image.',
  },
  NO_CODE_IN_IMAGE: {
    nl: 'Er is geen barcode of QR-code in de afbeelding gevonden.',
    en: 'No barcode or QR code was found in the image.',
  },
  NOTHING_TO_PRINT: {
    nl: 'Er is niets om te printen: deze groep heeft geen actieve stickers of vakken met een code van Inleverpunt.',
    en: 'There is nothing to print: this group has no active stickers or pouches with an Inleverpunt code.',
  },
  CASE_OPEN: {
    nl: 'Deze gegevens kunnen nog niet worden gewist: er loopt nog een inname of incident over deze leerling. Sluit dat eerst af (apparaat teruggegeven of meegegeven aan een ouder).',
    en: 'This data cannot be erased yet: a confiscation or incident about this pupil is still open. Close it first (device returned or released to a parent).',
  },
  BACKUP_COPY_FAILED: {
    nl: 'Het kopiëren van de back-up is mislukt: de kopie klopte niet en is weggegooid. Kies een andere map of een andere USB-stick.',
    en: 'Copying the backup failed: the copy did not check out and was removed. Choose another folder or USB stick.',
  },
  CENTRAL_URL_MISSING: {
    nl: 'Er is geen centrale database opgegeven. Gebruik --url of INLEVERPUNT_CENTRAL_URL.',
    en: 'No central database was given. Use --url or INLEVERPUNT_CENTRAL_URL.',
  },
  CENTRAL_UNREACHABLE: {
    nl: 'De centrale database is niet bereikbaar of weigert de aanmelding. Controleer adres, gebruiker, wachtwoord en netwerk; de kiosk werkt gewoon door.',
    en: 'The central database cannot be reached or refuses the login. Check address, user, password and network; the kiosk keeps working.',
  },
  CENTRAL_SCHEMA_NEWER: {
    nl: 'De centrale database is bijgewerkt door een nieuwere versie van Inleverpunt. Werk eerst deze installatie bij.',
    en: 'The central database was updated by a newer version of Inleverpunt. Update this installation first.',
  },
  CENTRAL_KEY_MISMATCH: {
    nl: 'Deze kiosk is in de centrale database al aangemeld met een andere sleutel. Een nieuwe sleutel is een nieuwe kiosk.',
    en: 'This kiosk is already registered in the central database with another key. A new key means a new kiosk.',
  },
  BOARD_MODE_OFF: {
    nl: 'Deze pc leest de centrale database van het bestuur niet. De beheerder zet de bestuursmodus aan bij Instellingen.',
    en: "This PC does not read the board's central database. The administrator turns board mode on in Settings.",
  },
  EXPORT_FILE_FAILED: {
    nl: 'Het bestand kon daar niet worden opgeslagen (de schijf is vol, of in die map mag niet worden geschreven). Er is geen half bestand achtergebleven. Kies een andere plek, bijvoorbeeld een USB-stick.',
    en: 'The file could not be saved there (the disk is full, or that folder cannot be written). No partial file was left behind. Choose another place, for example a USB stick.',
  },
  CENTRAL_NO_ACCESS: {
    nl: 'Deze gebruiker van de centrale database mag de gegevens van de kiosken niet lezen. Gebruik een gebruiker met de rol inleverpunt_office.',
    en: "This user of the central database may not read the kiosks' data. Use a user with the inleverpunt_office role.",
  },
  CENTRAL_NOT_COSIGNED: {
    nl: 'De centrale database heeft (nog) geen controlepunt van deze kiosk dat deze getuige heeft medeondertekend. Draai eerst central witness met deze sleutel.',
    en: 'The central database holds no checkpoint of this kiosk that this witness cosigned (yet). Run central witness with this key first.',
  },
  CENTRAL_UNKNOWN_KIOSK: {
    nl: 'Deze kiosk is niet aangemeld bij de centrale database.',
    en: 'This kiosk is not registered in the central database.',
  },
  CENTRAL_UNKNOWN_DEVICE: {
    nl: 'De centrale database heeft geen gebeurtenissen van dit apparaat bij deze kiosk.',
    en: 'The central database holds no events of this device at this kiosk.',
  },
  CENTRAL_NOT_WITNESSED: {
    nl: 'Hiervoor heeft de centrale database nog geen medeondertekend controlepunt van deze kiosk. Laat de kiosk synchroniseren en de getuige (central witness) draaien, en probeer het dan opnieuw.',
    en: 'The central database has no countersigned checkpoint of this kiosk covering this yet. Let the kiosk sync and the witness (central witness) run, then try again.',
  },
} as const satisfies Record<string, LocalizedText>;

export interface LocalizedText {
  nl: string;
  en: string;
}

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/** A device to choose from when one code names several (the door's choice panel). */
export interface DeviceChoiceDetail {
  deviceId: string;
  kind: z.infer<typeof DeviceKind>;
  description: string;
}

/**
 * What each code carries besides its message: structured, non-personal detail a screen or the
 * CLI may use. Every code is listed (`undefined`: none), so a new code declares its details and
 * every `new AppError(code, details)` and every reader of `error.details` is checked against them.
 */
export interface ErrorDetails {
  INVALID_ARGUMENT:
    | { field: string; rule?: string }
    | { reason: string }
    /** From the gateway: which arguments failed, never their values (they may be personal). */
    | { issues: { path: string; code: string }[] }
    | undefined;
  UNKNOWN_METHOD: { method: string };
  FORBIDDEN_SENDER: undefined;
  INTERNAL: undefined;
  NOT_AVAILABLE: undefined;
  DB_FROM_NEWER_VERSION: { found: number; supported: number };
  DB_CORRUPT: { reason: string } | undefined;
  DB_READ_ONLY: undefined;
  REGISTRY_MISMATCH: { count: number } | undefined;
  /** SQLite's or the OS's own code (SQLITE_FULL, ENOSPC): never a path. */
  DISK_FULL: { cause: string };
  DISK_READ_ONLY: { cause: string };
  BACKUP_FAILED: { problem: string | null };
  BACKUP_INVALID: { problem: string | null };
  BACKUP_OTHER_KIOSK: { backupKioskId: string | null; databaseKioskId: string };
  NOT_UNLOCKED: undefined;
  NO_GOOD_BACKUP: undefined;
  SETUP_DONE: undefined;
  ROLLOUT_CONFIG_INVALID: { path: string; issues: { field: string; message: LocalizedText }[] };
  POUCH_TAKEN: undefined;
  POUCH_RETIRED: undefined;
  POUCH_HOLDS_DEVICE: undefined;
  BAG_EXISTS: undefined;
  UNKNOWN_EXEMPTION: undefined;
  EXEMPTION_ENDED: undefined;
  UNKNOWN_TAG: undefined;
  TAG_REVOKED: undefined;
  /** A device already has the code; TAG_ON_POUCH and TAG_ON_CARD say the other kinds of holder. */
  TAG_IN_USE: undefined;
  TAG_ON_POUCH: undefined;
  TAG_ON_CARD: undefined;
  NOT_A_DEVICE_TAG: undefined;
  NO_DEVICE: undefined;
  CHOOSE_DEVICE: { devices: DeviceChoiceDetail[] };
  NOT_IN_CUSTODY: undefined;
  ALREADY_IN_CUSTODY: { sinceSeq: number };
  CONFISCATED: { confiscatedSeq: number };
  ALREADY_CONFISCATED: { confiscatedSeq: number };
  WITNESS_REQUIRED: undefined;
  PIN_WRONG: { attemptsLeft: number };
  PIN_LOCKED: { retryAfterSeconds: number };
  PIN_TOO_SHORT: { minLength: number };
  PIN_CHANGE_REQUIRED: { minLength: number };
  RETURN_AFTER_END_OF_DAY: { returnModeAt: string; endOfDayAt: string };
  LAST_ADMIN: undefined;
  OWN_ACCOUNT: undefined;
  KEY_PROTECTED: undefined;
  NOT_AUTHORISED: undefined;
  UNKNOWN_STAFF: undefined;
  UNKNOWN_PUPIL: undefined;
  PUPIL_NOT_AT_THIS_KIOSK: { groups: string[] };
  PUPIL_INACTIVE: undefined;
  UNKNOWN_DEVICE: undefined;
  UNKNOWN_LOCATION: undefined;
  DUPLICATE_KEY: { field: string };
  UNKNOWN_EVENT: undefined;
  NOT_AN_INCIDENT: undefined;
  UNKNOWN_MEDIA: undefined;
  ALREADY_VOIDED: { voidedBySeq: number };
  NOT_VOIDABLE: { type: EventType };
  UNDO_TOO_LATE: undefined;
  DB_NOT_FOUND: { path: string };
  DB_EXISTS: { path: string };
  DB_NOT_EMPTY: { path: string };
  DAY_NOT_CLEAR: { outstanding: number };
  /** `reason` names what is wrong (`not_xml`, `not_edexml`, `xls_not_supported`, …); never a value from the file. */
  FILE_NOT_FOUND: { path: string };
  IMPORT_UNREADABLE: { format: string | null; reason: string; line?: number; column?: number };
  IMPORT_TOO_LARGE: { maxBytes: number };
  IMPORT_HAS_PROBLEMS: { count: number };
  IMPORT_STALE: undefined;
  MISREAD_CODE: undefined;
  SCAN_TOO_LONG: { length: number };
  INVALID_NFC_UID: { reason: string };
  RANDOM_NFC_UID: undefined;
  CASCADE_NFC_UID: undefined;
  NFC_PROFILE_NOT_DETECTED: { reason: string; candidates: string[] };
  SCANNER_NOT_FOUND: undefined;
  SCANNER_OPEN_FAILED: undefined;
  CAMERA_NOT_AVAILABLE: { reason: string } | undefined;
  CAMERA_PERMISSION_DENIED: undefined;
  IMAGE_UNREADABLE: { reason: string };
  NO_CODE_IN_IMAGE: undefined;
  NOTHING_TO_PRINT: { source: 'group' | 'pouches' | 'newCodes' };
  CASE_OPEN: { cases: number };
  BACKUP_COPY_FAILED: { problem: string | null };
  CENTRAL_URL_MISSING: undefined;
  /** Host, port, database and user only: never the password. */
  CENTRAL_UNREACHABLE: { target: string };
  CENTRAL_SCHEMA_NEWER: { found: number; supported: number };
  CENTRAL_KEY_MISMATCH: undefined;
  BOARD_MODE_OFF: undefined;
  /** The operating system's code (ENOSPC, EACCES…): never the path, which may hold a user's name. */
  EXPORT_FILE_FAILED: { cause: string };
  CENTRAL_NO_ACCESS: undefined;
  /** The tree size asked for, if one was. */
  CENTRAL_NOT_COSIGNED: { treeSize: number } | undefined;
  CENTRAL_UNKNOWN_KIOSK: undefined;
  CENTRAL_UNKNOWN_DEVICE: undefined;
  /** The newest witnessed tree size of the kiosk (null: none yet); the report covers nothing past it. */
  CENTRAL_NOT_WITNESSED: { witnessedSize: number | null };
}

// Both directions: a code without declared details, or details of a code that does not exist.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const detailsDeclaredForEveryCode: SameKeys<keyof ErrorDetails, ErrorCode> = true;
void detailsDeclaredForEveryCode;

/** The constructor's arguments after the code: the details, optional only where the code allows none. */
export type DetailsArgs<C extends ErrorCode> = undefined extends ErrorDetails[C]
  ? [details?: ErrorDetails[C]]
  : [details: ErrorDetails[C]];

/** What crosses the process boundary: never a stack trace. Narrow on `code` to read `details`. */
export type AppErrorData<C extends ErrorCode = ErrorCode> = {
  [K in C]: { code: K; message: LocalizedText; details?: ErrorDetails[K] };
}[C];

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by the core; turned into a typed `Result` at the gateway. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails[C] | undefined;

  constructor(code: C, ...[details]: DetailsArgs<C>) {
    super(`${code}: ${errorMessages[code].en}`);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    // The mapped union cannot be built generically; this is the one place its parts meet.
    return {
      code: this.code,
      message: errorMessages[this.code],
      ...(this.details ? { details: this.details } : {}),
    } as AppErrorData;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** An AppError of one code, so its details are typed as that code declares them. */
export function isAppErrorOf<C extends ErrorCode>(e: unknown, code: C): e is AppError<C> {
  return e instanceof AppError && e.code === code;
}
