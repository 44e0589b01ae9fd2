import { openCore, type Core } from '../../../src/core';
import { applyPupilImport, previewPupilImport } from '../../../src/core/import';
import type { ColumnMapping, ImportPreview } from '../../../src/shared/contract/pupilImport';
import { fakeClock, TEST_PIN_COST } from '../support/custodyFixture';
import { tempDir } from '../../support/tempDb';

/** An empty kiosk with an office worker, on a fixed clock. */
export function importKiosk() {
  const tmp = tempDir();
  const clock = fakeClock('2026-09-01T07:00:00.000Z');
  const core: Core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
  const ctx = core.services.context;
  const admin = core.services.createStaff({ displayName: 'Beheerder', role: 'admin', pin: '999999', actor: 'system' });
  const office = core.services.createStaff({ displayName: 'Administratie', role: 'office', pin: '246800', actor: admin.staffId });
  const file = (fileName: string, content: string | Uint8Array, mapping?: ColumnMapping) => ({
    fileName,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    mapping,
  });
  return {
    core,
    ctx,
    office,
    dbPath: tmp.dbPath,
    file,
    preview: (fileName: string, content: string | Uint8Array, mapping?: ColumnMapping) => previewPupilImport(ctx, file(fileName, content, mapping)),
    /** Preview, then apply that preview, as the office screen does. */
    async importFile(fileName: string, content: string | Uint8Array, mapping?: ColumnMapping): Promise<{ preview: ImportPreview; seq: number }> {
      const preview = await previewPupilImport(ctx, file(fileName, content, mapping));
      const report = await applyPupilImport(ctx, file(fileName, content, mapping), preview.fingerprint, office.staffId);
      return { preview, seq: report.seq };
    },
    pupilRows: () =>
      core.db
        .prepare('SELECT external_key AS key, roepnaam, voorvoegsel, achternaam, groep, jaargroep, active FROM pupils ORDER BY external_key')
        .all() as { key: string | null; roepnaam: string; voorvoegsel: string; achternaam: string; groep: string; jaargroep: number | null; active: number }[],
    close() {
      core.close();
      tmp.cleanup();
    },
  };
}
