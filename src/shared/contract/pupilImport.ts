import { z } from 'zod';
import { method } from './define';
import { Sha256Hex } from './media';

/**
 * The office's pupil import: a file from the school's administration (EDEXML from ParnasSys or
 * ESIS, or a CSV/Excel class list) is previewed against the pupils the kiosk has, then applied
 * exactly as previewed. Bytes travel as base64 (the test bridge speaks JSON).
 */
export const importFormats = ['edexml', 'csv', 'xlsx'] as const;
export const ImportFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** What a column of a class list can be; `key` is the administration's pupil number. */
export const importFields = ['key', 'roepnaam', 'voornamen', 'voorvoegsel', 'achternaam', 'groep', 'jaargroep'] as const;
export const ImportField = z.enum(importFields);
export type ImportField = z.infer<typeof ImportField>;

/** Which column (by its header) holds each field; a field without a column is left empty. */
export const ColumnMapping = z.partialRecord(ImportField, z.string().min(1).max(200));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** An EDEXML of 1,000 pupils is ~1–2 MB; a whole board's export fits with room to spare. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Why a pupil (a row, a `leerling`) cannot be imported; the screen and the CLI translate it. */
export const importProblemReasons = [
  'missing_key',
  'duplicate_key',
  'missing_first_name',
  'unknown_group',
  'too_long',
  'column_not_mapped',
  'wrong_column_count',
  'no_pupils',
] as const;
export const ImportProblemReason = z.enum(importProblemReasons);
export type ImportProblemReason = z.infer<typeof ImportProblemReason>;

/** One problem at a line of the file (an Excel row number for XLSX); never the value itself. */
export const ImportProblem = z.object({
  line: z.number().int().min(0),
  field: z.string().nullable(),
  reason: ImportProblemReason,
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** A pupil as the office recognises them in the preview (ids and names stay out of logs). */
export const PlannedPupil = z.object({
  key: z.string(),
  displayName: z.string(),
  groep: z.string(),
  jaargroep: z.number().int().nullable(),
});
export type PlannedPupil = z.infer<typeof PlannedPupil>;

export const changedFields = ['name', 'groep', 'jaargroep', 'active'] as const;
export const PlannedChange = PlannedPupil.extend({
  pupilId: z.string(),
  fields: z.array(z.enum(changedFields)),
  before: PlannedPupil.omit({ key: true }),
});
export type PlannedChange = z.infer<typeof PlannedChange>;

/** A field the file had that the kiosk does not keep (AVG), and for how many pupils. */
export const LeftOutField = z.object({ field: z.string(), count: z.number().int() });
export type LeftOutField = z.infer<typeof LeftOutField>;

export const ImportCounts = z.object({
  read: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  deactivated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/**
 * Who is deactivated when missing from the file: anyone with a pupil number (`school`, for a
 * whole-school export), or only those in the groups the file lists (`groups`, for one class's list).
 */
export const DeactivationScope = z.enum(['school', 'groups']);
export type DeactivationScope = z.infer<typeof DeactivationScope>;

export const ImportPreview = z.object({
  format: ImportFormat,
  /** EDEXML's `xsdversie` (1.03, 2.0, 2.1); null for a class list. */
  version: z.string().nullable(),
  fileSha256: Sha256Hex,
  /** For CSV/XLSX: the headers, and the mapping used (the one given, or the guess). */
  columns: z.array(z.string()).nullable(),
  mapping: ColumnMapping.nullable(),
  counts: ImportCounts,
  problems: z.array(ImportProblem),
  /** All problems, also those past the first few hundred listed. */
  problemCount: z.number().int(),
  added: z.array(PlannedPupil),
  changed: z.array(PlannedChange),
  deactivated: z.array(PlannedChange),
  leftOut: z.array(LeftOutField),
  scope: DeactivationScope,
  /** Names this plan against the pupils it was made from: apply refuses it once they changed. */
  fingerprint: Sha256Hex,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportReport = z.object({
  format: ImportFormat,
  fileSha256: Sha256Hex,
  counts: ImportCounts,
  leftOut: z.array(LeftOutField),
  /** The `pupils_imported` event that records it. */
  seq: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportFile = z.strictObject({
  fileName: z.string().min(1).max(255),
  base64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4),
  mapping: ColumnMapping.optional(),
  /** Default `school`. */
  scope: DeactivationScope.optional(),
});
export type ImportFile = z.infer<typeof ImportFile>;

export const SavedMapping = z.object({ name: z.string().trim().min(1).max(60), mapping: ColumnMapping });
export type SavedMapping = z.infer<typeof SavedMapping>;

export const pupilImportMethods = {
  previewPupilImport: method('office', ImportFile, ImportPreview),
  applyPupilImport: method('office', ImportFile.extend({ fingerprint: Sha256Hex }), ImportReport),
  listImportMappings: method('office', z.strictObject({}), z.object({ mappings: z.array(SavedMapping) })),
  saveImportMapping: method('office', z.strictObject({ name: SavedMapping.shape.name, mapping: ColumnMapping }), SavedMapping),
};
