import {
  MAX_IMPORT_BYTES,
  type ColumnMapping,
  type DeactivationScope,
  type ImportPreview,
  type ImportReport,
} from '../../shared/contract/pupilImport';
import { AppError } from '../../shared/errors';
import type { Actor } from '../ledger/events';
import type { ServiceContext } from '../services/context';
import { applyImport } from './apply';
import { countsOf, describePlan, planImport } from './plan';
import { readImportFile } from './readImport';

/** The first problems are listed (each with its line); the count says how many there are in all. */
const LISTED_PROBLEMS = 500;

export interface ImportUpload {
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping | undefined;
  /** Who is deactivated when missing (default `school`). */
  scope?: DeactivationScope | undefined;
}

/** What the import would do, written nowhere: the preview the office checks before applying. */
export async function previewPupilImport(ctx: ServiceContext, upload: ImportUpload): Promise<ImportPreview> {
  const read = await readImportFile(checkedSize(upload));
  const scope = upload.scope ?? 'school';
  const plan = planImport(ctx, read, scope);
  return {
    format: read.format,
    version: read.version,
    fileSha256: read.fileSha256,
    columns: read.columns,
    mapping: read.mapping,
    counts: countsOf(read, plan),
    problems: read.problems.slice(0, LISTED_PROBLEMS),
    problemCount: read.problems.length,
    ...describePlan(plan),
    leftOut: read.leftOut,
    scope,
    fingerprint: plan.fingerprint,
  };
}

/** Applies the file as previewed (`fingerprint`), all or nothing. */
export async function applyPupilImport(ctx: ServiceContext, upload: ImportUpload, fingerprint: string, actor: Actor): Promise<ImportReport> {
  const read = await readImportFile(checkedSize(upload));
  return applyImport(ctx, read, fingerprint, actor, upload.scope ?? 'school');
}

function checkedSize(upload: ImportUpload): ImportUpload {
  if (upload.bytes.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_LARGE', { maxBytes: MAX_IMPORT_BYTES });
  return upload;
}

export { listMappings, saveMapping } from './savedMappings';
export { guessMapping } from './mapping';
