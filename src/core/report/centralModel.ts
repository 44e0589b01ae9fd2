import { eventTypeLabels } from '../../shared/contract/eventLabels';
import type { EventType } from '../../shared/contract/eventTypes';
import type { CentralCustody } from '../central/custodyEvents';
import type { KioskVerification } from '../central/verify';
import { formatTime } from '../export/cells';
import type { ExportLanguage } from '../export/columns';
import { centralPdfTexts, centralReportTexts } from './centralTexts';
import { insurerFacts, type ReportCheckpoint, type ReportEvent, type ReportModel } from './model';

export interface CentralModelInput {
  language: ExportLanguage;
  /** From the central kiosk registry. */
  kiosk: { kioskId: string; school: string; name: string };
  custody: CentralCustody;
  verification: KioskVerification;
  /** The witnessed checkpoint: its note carries the kiosk's signature and the witness's. */
  checkpoint: ReportCheckpoint;
  /** Who made it (a staff member's name on the board's PC); null for the CLI. */
  madeBy: string | null;
  now: Date;
}

/**
 * The report's content from the central database: the same layout as the kiosk's report
 * (pdf.ts), with ids where the kiosk prints names, and the report saying so. Staff, places and
 * pouches are the kiosk's ids; condition marks, incident kinds, witnesses' ids and the protocol
 * article come from the hashed details; notes, reasons, names, photos and signatures stay at the
 * kiosk, and each event that had one says where it is.
 */
/** Who acted and who held the device, as the centre can say it: the kiosk's ids, no names. Shared with the board's PDF log. */
export function centralPeople(
  language: ExportLanguage,
  id: (id: string) => string = (whole) => whole,
): { who(actor: string): string; held(custodian: string | null): string } {
  const t = centralPdfTexts(language);
  const c = centralReportTexts[language];
  return {
    who: (actor) => (actor === 'pupil' ? t.pupilActor : actor === 'system' ? t.systemActor : `${c.staff} ${id(actor)}`),
    held: (custodian) => {
      if (!custodian) return '';
      const [kind, ref] = custodian.split(':');
      if (kind === 'staff' && ref) return `${c.staff} ${id(ref)}`;
      if (kind === 'location' && ref) return `${c.place} ${id(ref)}`;
      return t.custodians[custodian] ?? custodian;
    },
  };
}

export function centralReportModel(input: CentralModelInput): ReportModel {
  const t = centralPdfTexts(input.language);
  const c = centralReportTexts[input.language];
  const time = (iso: string) => formatTime(iso, 'nl');
  const labels: Record<string, string> = eventTypeLabels[input.language];
  const { who, held } = centralPeople(input.language);
  const supervision = new Set<string>();
  const events = input.custody.events.map((e): ReportEvent => {
    const lines: [string, string][] = [];
    const add = (label: string, value: string | null | undefined) => {
      if (value) lines.push([label, value]);
    };
    add(t.actor, who(e.actor));
    add(t.custodian, held(e.custodian));
    add(t.location, e.locationId);
    add(t.pouch, e.pouchId);
    const d = e.details;
    if (Array.isArray(d.marks)) add(t.marks, d.marks.map((m) => t.marksLabels[String(m)] ?? String(m)).join(', '));
    if (e.type === 'incident_reported' && typeof d.kind === 'string') add(t.kind, t.kindLabels[d.kind] ?? d.kind);
    if (typeof d.witnessStaffId === 'string') add(t.witness, who(d.witnessStaffId));
    if (typeof d.article === 'string') add(t.article, d.article);
    if (typeof d.sealedBagNumber === 'string') add(t.sealedBag, d.sealedBagNumber);
    if (typeof d.photoHash === 'string') add(t.photo, c.imageAtKiosk(d.photoHash));
    if (e.hasPayload) add(t.note, c.payloadAtKiosk);
    if (e.actor !== 'pupil' && e.actor !== 'system') supervision.add(who(e.actor));
    if (e.custodian?.startsWith('staff:')) supervision.add(held(e.custodian));
    if (typeof d.witnessStaffId === 'string') supervision.add(who(d.witnessStaffId));
    return {
      seq: e.seq,
      time: time(e.occurredAt),
      type: labels[e.type as EventType] ?? e.type,
      lines,
      images: [],
      voidedBy: e.voidedBySeq,
      // The correction's reason is its personal part: at the kiosk.
      voidReason: e.voidedBySeq === null ? null : c.onlyAtKiosk,
      voids: e.voidsSeq,
    };
  });
  const incident = input.custody.incident;
  const v = input.verification;
  const firstProblem = v.problems[0] ?? v.findings[0];
  return {
    t,
    title: t.title,
    scopeLine: incident ? t.incidentScope(incident.seq) : t.deviceScope,
    header: (
      [
        [t.school, input.kiosk.school],
        [t.kiosk, input.kiosk.name],
        [t.kioskId, input.kiosk.kioskId],
        [c.source, c.sourceValue],
        [t.made, time(input.now.toISOString())],
        [t.madeBy, input.madeBy ?? t.systemActor],
      ] satisfies [string, string][]
    ).filter(([, value]) => value !== ''),
    subject: [
      [c.deviceId, input.custody.deviceId],
      [c.pupilId, input.custody.pupilId ?? t.notGiven],
    ],
    notice: c.noNames,
    events,
    supervision: [...supervision],
    insurer: incident ? insurerFacts({ details: incident.details, payload: null, occurredAt: incident.occurredAt }, t, input.language, time, c.onlyAtKiosk) : null,
    verification: v.ok
      ? { ok: true, text: c.verifiedOk(v.events, v.cosigned) }
      : { ok: false, text: c.verifiedBad(firstProblem?.seq ?? null, firstProblem?.problem ?? '') },
    checkpoint: input.checkpoint,
  };
}
