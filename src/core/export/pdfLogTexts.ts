import type { ExportLanguage } from './columns';
import { PRINTED_ID_LENGTH } from './printedId';

/**
 * The words on the printable custody log (`export --format pdf`). Like the report it leaves the
 * kiosk, so it is in the language asked for; event names come from shared/contract/eventLabels
 * and the checkpoint's words from the report's texts, so the papers a school hands out agree.
 */
export const pdfLogTexts = {
  nl: {
    title: 'Bewaarlogboek',
    intro: (n: number) =>
      `${n} gebeurtenissen, oudste eerst. Een gebeurtenis wordt nooit gewijzigd: een fout wordt hersteld met een nieuwe gebeurtenis, en beide staan hier.`,
    filter: 'Selectie',
    everything: 'alle gebeurtenissen',
    period: 'periode',
    group: 'groep',
    pupil: 'leerling',
    device: 'apparaat',
    types: 'soorten',
    kioskFilter: 'kiosk',
    school: 'school',
    columns: {
      origin: 'School · kiosk',
      seq: 'Nr.',
      time: 'Tijd',
      type: 'Gebeurtenis',
      pupil: 'Leerling',
      device: 'Apparaat',
      actor: 'Door',
      custodian: 'In bewaring bij',
      place: 'Plaats / vak',
      notes: 'Staat / opmerking',
    },
    checkpointIntro:
      'Dit logboek is gemaakt tegen het volgende controlepunt, door de kiosk ondertekend: het telt elke gebeurtenis hierboven mee. Wie het logboek of een export heeft, kan elke gebeurtenis hiertegen narekenen.',
    noCheckpoint: 'Geen controlepunt: dit zijn gebeurtenissen van een andere kiosk, die alleen die kiosk kan ondertekenen.',
    // The board's log across kiosks, from the central database (`central export --format pdf`).
    boardTitle: 'Bewaarlogboek van het bestuur',
    boardIntro: (n: number) =>
      `${n} gebeurtenissen, per school en kiosk, oudste eerst. Een gebeurtenis wordt nooit gewijzigd: een fout wordt hersteld met een nieuwe gebeurtenis, en beide staan hier.`,
    idsNotNames: `Id’s staan waar namen zouden staan: de centrale database bewaart geen namen. De namen staan in het logboek van de kiosk zelf. Een id is verkort tot zijn eerste ${PRINTED_ID_LENGTH} tekens (…); de CSV en Excel hebben elk id voluit.`,
    ids: 'Namen',
    witnessedTitle: 'Nagerekende controlepunten',
    witnessedIntro:
      'Per kiosk in dit logboek het nieuwste controlepunt dat de kiosk ondertekende en de centrale database narekende en medeondertekende. Het telt elke gebeurtenis van die kiosk tot en met dat aantal mee; wat daarna kwam, is nog niet nagerekend.',
    witnessedBy: (witness: string) => `Medeondertekend door de getuige ${witness}`,
    notWitnessed: 'Nog niet nagerekend: de centrale database heeft nog geen controlepunt van deze kiosk medeondertekend.',
  },
  en: {
    title: 'Custody log',
    intro: (n: number) =>
      `${n} events, oldest first. An event is never changed: a mistake is fixed by a new event, and both are shown here.`,
    filter: 'Selection',
    everything: 'all events',
    period: 'period',
    group: 'group',
    pupil: 'pupil',
    device: 'device',
    types: 'kinds',
    kioskFilter: 'kiosk',
    school: 'school',
    columns: {
      origin: 'School · kiosk',
      seq: 'No.',
      time: 'Time',
      type: 'Event',
      pupil: 'Pupil',
      device: 'Device',
      actor: 'By',
      custodian: 'Held by',
      place: 'Place / pouch',
      notes: 'Condition / note',
    },
    checkpointIntro:
      'This log was made against the following checkpoint, signed by the kiosk: it counts every event above. Whoever holds the ledger or an export can check every event against it.',
    noCheckpoint: "No checkpoint: these are another kiosk's events, which only that kiosk can sign.",
    boardTitle: "The board's custody log",
    boardIntro: (n: number) =>
      `${n} events, by school and kiosk, oldest first. An event is never changed: a mistake is fixed by a new event, and both are shown here.`,
    idsNotNames: `Ids stand where names would: the central database keeps no names. The names are in the kiosk's own ledger. An id is cut to its first ${PRINTED_ID_LENGTH} characters (…); the CSV and Excel files have every id whole.`,
    ids: 'Names',
    witnessedTitle: 'Witnessed checkpoints',
    witnessedIntro:
      "For each kiosk in this log, the newest checkpoint the kiosk signed and the central database checked and countersigned. It counts every event of that kiosk up to that size; what came after is not checked yet.",
    witnessedBy: (witness: string) => `Countersigned by the witness ${witness}`,
    notWitnessed: 'Not witnessed yet: the central database has not countersigned a checkpoint of this kiosk yet.',
  },
} satisfies Record<ExportLanguage, unknown>;

export type PdfLogTexts = (typeof pdfLogTexts)['nl'];
