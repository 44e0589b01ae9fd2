import type { ExportLanguage } from '../export/columns';
import { reportTexts, type ReportTexts } from './texts';

/**
 * The words of the board's report (made from the central database): the kiosk report's words
 * (texts.ts), with those changed that would say something the centre cannot back — it holds ids
 * and the kiosk's hashed facts, never names, notes, photos or signatures — and a few of its own.
 */
export const centralReportTexts = {
  nl: {
    title: 'Bewaarrapport uit de centrale database (chain of custody)',
    source: 'Bron',
    sourceValue: 'Centrale database van het bestuur',
    deviceId: 'Apparaat-id',
    pupilId: 'Leerling-id',
    noNames:
      'De centrale database bewaart geen namen, notities, foto’s of handtekeningen, alleen de id’s en feiten die de kiosk in zijn keten vastlegt (met een vingerafdruk van het persoonlijke deel). Namen, notities en afbeeldingen staan in het logboek van de kiosk zelf: het rapport van de kiosk (Rapport maken) toont ze.',
    staff: 'medewerker',
    place: 'plaats',
    payloadAtKiosk: 'staat in het logboek van de kiosk (niet in de centrale database)',
    imageAtKiosk: (sha256: string) => `bewaard op de kiosk (SHA-256 ${sha256.slice(0, 16)}…)`,
    onlyAtKiosk: 'alleen in het logboek van de kiosk',
    supervisionIntro:
      'Medewerkers (id van de kiosk) die het apparaat in deze periode in bewaring hadden of een gebeurtenis vastlegden; hun namen staan op de kiosk:',
    verifiedOk: (events: number, cosigned: number) =>
      `In orde: alle ${events} gebeurtenissen van deze kiosk in de centrale database zijn nagerekend, net als de controlepunten en ${cosigned} medeondertekening(en); er is niets gevonden.`,
    verifiedBad: (seq: number | null, problem: string) =>
      `NIET IN ORDE: in de centrale database is iets gevonden bij deze kiosk: ${problem}${seq === null ? '' : ` (#${seq})`}.`,
    checkpointIntro:
      'Dit rapport is gemaakt tegen het nieuwste controlepunt van de kiosk dat de centrale database heeft nagerekend en medeondertekend (de tweede handtekeningregel is van de getuige). Het rapport toont niets van daarna. Wie het logboek of een export heeft, kan elke gebeurtenis hiertegen narekenen. De QR-code bevat de tekst van het controlepunt.',
  },
  en: {
    title: 'Chain-of-custody report from the central database',
    source: 'Source',
    sourceValue: "The board's central database",
    deviceId: 'Device id',
    pupilId: 'Pupil id',
    noNames:
      "The central database keeps no names, notes, photos or signatures, only the ids and facts the kiosk records in its chain (with a fingerprint of the personal part). Names, notes and images are in the kiosk's own ledger: the kiosk's report (Make report) shows them.",
    staff: 'staff',
    place: 'place',
    payloadAtKiosk: "kept in the kiosk's ledger (not in the central database)",
    imageAtKiosk: (sha256: string) => `kept at the kiosk (SHA-256 ${sha256.slice(0, 16)}…)`,
    onlyAtKiosk: "only in the kiosk's ledger",
    supervisionIntro: 'Staff (the kiosk’s id) who held the device in this period or recorded an event; their names are at the kiosk:',
    verifiedOk: (events: number, cosigned: number) =>
      `Correct: all ${events} events of this kiosk in the central database were recomputed, as were its checkpoints and ${cosigned} countersignature(s); nothing was found.`,
    verifiedBad: (seq: number | null, problem: string) =>
      `NOT CORRECT: the central database found something at this kiosk: ${problem}${seq === null ? '' : ` (#${seq})`}.`,
    checkpointIntro:
      "This report was made against the kiosk's newest checkpoint that the central database checked and countersigned (the second signature line is the witness's). The report shows nothing after it. Whoever holds the ledger or an export can check every event against it. The QR code holds the checkpoint's text.",
  },
} satisfies Record<ExportLanguage, unknown>;

export type CentralReportTexts = (typeof centralReportTexts)['nl'];

/** The kiosk report's words with the board's changes, for the shared PDF writer. */
export function centralPdfTexts(language: ExportLanguage): ReportTexts {
  const c = centralReportTexts[language];
  return { ...reportTexts[language], title: c.title, supervisionIntro: c.supervisionIntro, checkpointIntro: c.checkpointIntro };
}
