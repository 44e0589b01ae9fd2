import { eventTypeLabels } from '../../shared/contract/eventLabels';
import { prepared } from '../db/statements';
import { formatTime } from '../export/cells';
import type { ExportLanguage } from '../export/columns';
import { rowResolver } from '../export/rows';
import { readIdentity } from '../kiosk/identity';
import { readMedia } from '../ledger/media';
import type { StoredEvent } from '../ledger/readModel';
import type { VerifyResult } from '../ledger/verify';
import type { ServiceContext } from '../services/context';
import type { ScopedEvents } from './scope';
import { reportTexts, type ReportTexts } from './texts';

export interface ReportImage {
  label: string;
  mime: string;
  /** Null when the image was erased with its event's payload, or never sent. */
  bytes: Buffer | null;
}

export interface ReportEvent {
  seq: number;
  time: string;
  type: string;
  /** Label and value pairs, only those the event has. */
  lines: [string, string][];
  images: ReportImage[];
  voidedBy: number | null;
  /** The reason the correction gave, shown beside the event it voids. */
  voidReason: string | null;
  voids: number | null;
}

export interface ReportCheckpoint {
  treeSize: number;
  root: Buffer;
  /** The C2SP checkpoint text (what the QR code holds). */
  text: string;
  /** The whole signed note. */
  note: string;
}

/** Everything the report shows, with names resolved: the PDF writer only lays it out. */
export interface ReportModel {
  t: ReportTexts;
  title: string;
  scopeLine: string;
  header: [string, string][];
  subject: [string, string][];
  /** Said under the subject when the report lacks something a reader would look for (the board's report: names). */
  notice: string | null;
  events: ReportEvent[];
  supervision: string[];
  insurer: [string, string][] | null;
  verification: { ok: boolean; text: string };
  checkpoint: ReportCheckpoint;
}

export interface ModelInput {
  language: ExportLanguage;
  scoped: ScopedEvents;
  verify: VerifyResult;
  checkpoint: ReportCheckpoint;
  madeBy: string;
}

const euro = (cents: number, language: ExportLanguage) =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The report's content for one device or incident. */
export function reportModel(ctx: ServiceContext, input: ModelInput): ReportModel {
  const t = reportTexts[input.language];
  const toRow = rowResolver(ctx, input.language);
  const staff = new Map(
    prepared<{ staff_id: string; display_name: string }>(ctx.db, 'SELECT staff_id, display_name FROM staff')
      .all()
      .map((s) => [s.staff_id, s.display_name]),
  );
  const who = (actor: string) =>
    actor === 'pupil' ? t.pupilActor : actor === 'system' ? t.systemActor : (staff.get(actor) ?? actor);
  const identity = readIdentity(ctx.db);
  const device = prepared<{ kind: string; description: string; owner_pupil_id: string }>(
    ctx.db,
    'SELECT kind, description, owner_pupil_id FROM devices WHERE device_id = ?',
  ).get(input.scoped.deviceId);
  const owner = device
    ? prepared<{ roepnaam: string; voorvoegsel: string; achternaam: string; groep: string }>(
        ctx.db,
        'SELECT roepnaam, voorvoegsel, achternaam, groep FROM pupils WHERE pupil_id = ?',
      ).get(device.owner_pupil_id)
    : undefined;
  const time = (iso: string) => formatTime(iso, 'nl');
  const supervision = new Set<string>();
  const reasons = new Map(
    input.scoped.events
      .filter((e) => e.voidsSeq !== null)
      .map((e) => [e.seq, typeof e.payload?.reason === 'string' ? e.payload.reason : null] as const),
  );

  const events = input.scoped.events.map((e): ReportEvent => {
    const row = toRow(e);
    const lines: [string, string][] = [];
    const add = (label: string, value: string | null | undefined) => {
      if (value) lines.push([label, value]);
    };
    add(t.actor, row.actor);
    add(t.custodian, t.custodians[row.custodian] ?? row.custodian);
    add(t.location, row.location);
    add(t.pouch, row.pouch);
    const d = e.details;
    if (Array.isArray(d.marks)) add(t.marks, d.marks.map((m) => t.marksLabels[String(m)] ?? String(m)).join(', '));
    if (e.type === 'incident_reported' && typeof d.kind === 'string') add(t.kind, t.kindLabels[d.kind] ?? d.kind);
    if (typeof d.witnessStaffId === 'string') add(t.witness, who(d.witnessStaffId));
    if (typeof d.article === 'string') add(t.article, d.article);
    if (typeof d.sealedBagNumber === 'string') add(t.sealedBag, d.sealedBagNumber);
    const p = e.payload ?? {};
    const said = (key: string) => (typeof p[key] === 'string' ? p[key] : null);
    add(t.guardian, said('guardianName'));
    add(t.reason, said('reason'));
    add(t.note, said('description'));
    add(t.note, said('note'));
    if (e.redacted) add(t.note, t.erased);
    if (e.actor !== 'pupil' && e.actor !== 'system' && staff.has(e.actor)) supervision.add(who(e.actor));
    if (e.custodian?.startsWith('staff:')) supervision.add(row.custodian);
    if (typeof d.witnessStaffId === 'string') supervision.add(who(d.witnessStaffId));
    return {
      seq: e.seq,
      time: time(e.occurredAt),
      type: eventTypeLabels[input.language][e.type],
      lines,
      images: imagesOf(ctx, e, t),
      voidedBy: e.voidedBySeq,
      voidReason: e.voidedBySeq === null ? null : (reasons.get(e.voidedBySeq) ?? null),
      voids: e.voidsSeq,
    };
  });

  const incident = input.scoped.incident;
  const header: [string, string][] = [
    [t.school, identity?.school ?? ''],
    [t.kiosk, identity?.name ?? ''],
    [t.kioskId, ctx.kioskId],
    [t.made, time(ctx.now().toISOString())],
    [t.madeBy, who(input.madeBy)],
  ];
  const subject: [string, string][] = [
    [t.device, device ? [device.kind, device.description].filter(Boolean).join(': ') : input.scoped.deviceId],
    [t.owner, owner ? [owner.roepnaam, owner.voorvoegsel, owner.achternaam].filter(Boolean).join(' ') : ''],
    [t.groep, owner?.groep ?? ''],
  ];
  const verify = input.verify;
  return {
    t,
    title: t.title,
    scopeLine: incident ? t.incidentScope(incident.seq) : t.deviceScope,
    header: header.filter(([, value]) => value !== ''),
    subject,
    notice: null,
    events,
    supervision: [...supervision].filter(Boolean),
    insurer: incident ? insurerFacts(incident, t, input.language, time) : null,
    verification: verify.ok
      ? { ok: true, text: t.verifiedOk(verify.checked) }
      : { ok: false, text: t.verifiedBad(verify.firstBadSeq, verify.problem) },
    checkpoint: input.checkpoint,
  };
}

/**
 * What an insurer asks about a damage, loss or theft; what the teacher did not record says so.
 * `payloadElsewhere`: the event's personal part (witnesses, police report number) is not at hand
 * (the central database holds only its hash), and that is what is said instead.
 */
export function insurerFacts(
  incident: Pick<StoredEvent, 'details' | 'payload' | 'occurredAt'>,
  t: ReportTexts,
  language: ExportLanguage,
  time: (iso: string) => string,
  payloadElsewhere?: string,
): [string, string][] {
  const d = incident.details;
  const p = incident.payload ?? {};
  const text = (v: unknown) => payloadElsewhere ?? (typeof v === 'string' && v !== '' ? v : t.notGiven);
  const facts: [string, string][] = [
    [t.kind, typeof d.kind === 'string' ? (t.kindLabels[d.kind] ?? d.kind) : t.notGiven],
    [t.reportedAt, time(incident.occurredAt)],
    [t.discoveredAt, typeof d.discoveredAt === 'string' ? time(d.discoveredAt) : t.notGiven],
    [t.witnesses, text(p.witnesses)],
  ];
  if (d.kind === 'theft' || typeof p.policeReportNumber === 'string') facts.push([t.policeReport, text(p.policeReportNumber)]);
  facts.push([t.purchaseDate, typeof d.purchaseDate === 'string' ? d.purchaseDate.split('-').reverse().join('-') : t.notGiven]);
  facts.push([t.purchasePrice, typeof d.purchasePriceCents === 'number' ? euro(d.purchasePriceCents, language) : t.notGiven]);
  return facts;
}

/** The photo (in the details) and the signature (in the payload) an event names, from the kept media. */
function imagesOf(ctx: ServiceContext, e: StoredEvent, t: ReportTexts): ReportImage[] {
  const named: [string, unknown][] = [
    [t.photo, e.details.photoHash],
    [t.signature, e.payload?.signatureImageHash],
  ];
  return named
    .filter((n): n is [string, string] => typeof n[1] === 'string')
    .map(([label, sha256]) => {
      const kept = readMedia(ctx.db, e.kioskId, sha256);
      return { label, mime: kept?.mime ?? '', bytes: kept?.bytes ?? null };
    });
}
