import type { LabelSource } from '../../shared/contract/labels';
import { isValidOwnCode, newOwnCode } from '../../shared/scan/codes';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import type { ServiceContext } from '../services/context';

/** One sticker: the code in its barcode (and printed beneath), and up to two lines of text. */
export interface LabelContent {
  code: string;
  /** The big line: a first name, "Vak 12", or nothing for a fresh code. */
  title: string;
  /** The small line: the group, the bag's name. */
  subtitle: string;
  /** Whose sticker or pouch it is (ids only), for the sheet's `export_made`; none on a fresh code. */
  ids?: { pupilId: string; deviceId?: string; pouchId?: string };
}

/** Class-list order the Dutch way: "de Vries" under V, "IJsselmeer" under IJ, "Ömer" beside O. */
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

interface StickerRow {
  canonical: string;
  pupil_id: string;
  device_id: string;
  roepnaam: string;
  achternaam: string;
  groep: string;
  created_at: string;
}

/**
 * The stickers of a group's devices: active own-code stickers of active devices of active
 * pupils. NFC tags and pupils' own cards are not printed: their code lives in the chip or on the
 * card. A pupil without a device sticker gets none here; the office registers one first.
 */
function groupStickers(ctx: ServiceContext, groep: string): LabelContent[] {
  const rows = prepared<StickerRow>(
    ctx.db,
    `SELECT t.canonical, p.pupil_id, d.device_id, p.roepnaam, p.achternaam, p.groep, t.created_at
     FROM tags t JOIN devices d ON d.device_id = t.device_id JOIN pupils p ON p.pupil_id = d.owner_pupil_id
     WHERE t.kind = 'device_sticker' AND t.status = 'active' AND d.active = 1 AND p.active = 1 AND p.groep = ?`,
  ).all(groep);
  return rows
    .filter((r) => isValidOwnCode(r.canonical))
    .sort(
      (a, b) =>
        // achternaam is stored without its voorvoegsel, so "de Vries" sorts under V already.
        collator.compare(a.achternaam, b.achternaam) ||
        collator.compare(a.roepnaam, b.roepnaam) ||
        a.created_at.localeCompare(b.created_at),
    )
    .map((r) => ({ code: r.canonical, title: r.roepnaam, subtitle: `groep ${r.groep}`, ids: { pupilId: r.pupil_id, deviceId: r.device_id } }));
}

interface PouchRow {
  canonical: string;
  pupil_id: string;
  pouch_id: string;
  number: number;
  location_name: string;
}

/** The pouch tags of the pouches given to the group's pupils, bag by bag, in pouch order. */
function groupPouches(ctx: ServiceContext, groep: string): LabelContent[] {
  const rows = prepared<PouchRow>(
    ctx.db,
    `SELECT t.canonical, p.pupil_id, po.pouch_id, po.number, l.name AS location_name
     FROM tags t JOIN pouches po ON po.pouch_id = t.pouch_id JOIN locations l ON l.location_id = po.location_id
     JOIN pupils p ON p.pupil_id = po.pupil_id
     WHERE t.kind = 'pouch' AND t.status = 'active' AND l.active = 1 AND p.active = 1 AND p.groep = ?`,
  ).all(groep);
  return rows
    .filter((r) => isValidOwnCode(r.canonical))
    .sort((a, b) => collator.compare(a.location_name, b.location_name) || a.number - b.number)
    .map((r) => ({ code: r.canonical, title: `Vak ${r.number}`, subtitle: r.location_name, ids: { pupilId: r.pupil_id, pouchId: r.pouch_id } }));
}

/**
 * Fresh codes, unknown to this kiosk (not even as a revoked tag), so each sticker can be given
 * to a device later. Nothing is recorded: a code means nothing until it is assigned, and that is
 * recorded then (tag_assigned).
 */
function freshCodes(ctx: ServiceContext, count: number, draw: () => string): LabelContent[] {
  const known = prepared<{ n: number }>(ctx.db, 'SELECT COUNT(*) AS n FROM tags WHERE canonical = ?');
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = draw();
    if (known.get(code)?.n === 0) codes.add(code);
  }
  return [...codes].map((code) => ({ code, title: '', subtitle: 'Inleverpunt' }));
}

export function labelContents(ctx: ServiceContext, source: LabelSource, draw: () => string = newOwnCode): LabelContent[] {
  const labels =
    source.kind === 'group'
      ? groupStickers(ctx, source.groep)
      : source.kind === 'pouches'
        ? groupPouches(ctx, source.groep)
        : freshCodes(ctx, source.count, draw);
  if (labels.length === 0) throw new AppError('NOTHING_TO_PRINT', { source: source.kind });
  return labels;
}

/** The groups that have active pupils, in the order a school counts them (1A … 8B). */
export function groupsWithPupils(ctx: ServiceContext): string[] {
  return prepared<{ groep: string }>(ctx.db, "SELECT DISTINCT groep FROM pupils WHERE active = 1 AND groep <> ''")
    .all()
    .map((r) => r.groep)
    .sort(collator.compare);
}
