import type { ImportFile, pupilImportMethods } from '../../shared/contract/pupilImport';
import { applyPupilImport, listMappings, previewPupilImport, saveMapping } from '../import';
import type { Core } from '../index';
import type { Handlers } from './gateway';

type ImportMethod = keyof typeof pupilImportMethods;

/** The office's pupil import; the gateway has checked the office (or admin) PIN and the upload's size. */
export function createImportHandlers(core: Core): Pick<Handlers, ImportMethod> {
  const ctx = core.services.context;
  const upload = (args: ImportFile) => ({
    fileName: args.fileName,
    bytes: Buffer.from(args.base64, 'base64'),
    mapping: args.mapping,
    scope: args.scope,
  });
  return {
    previewPupilImport: (args) => previewPupilImport(ctx, upload(args)),
    applyPupilImport: (args, { actor }) => applyPupilImport(ctx, upload(args), args.fingerprint, actor.staffId),
    listImportMappings: () => ({ mappings: listMappings(ctx) }),
    saveImportMapping: ({ name, mapping }, { actor }) => saveMapping(ctx, name, mapping, actor.staffId),
  };
}
