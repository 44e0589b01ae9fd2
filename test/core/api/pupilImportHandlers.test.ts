import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { readEvents } from '../../../src/core/ledger/readModel';
import { MAX_IMPORT_BYTES } from '../../../src/shared/contract/pupilImport';
import { generatePupils, toEdexml } from '../../support/edexml';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('the pupil import through the contract gateway', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  const upload = (pupils = generatePupils(12)) => ({ fileName: 'leerlingen.xml', base64: Buffer.from(toEdexml(pupils)).toString('base64') });
  beforeEach(() => {
    f = classFixture({ size: 2 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  it('is the office’s: a teacher is refused before the file is looked at', async () => {
    await gateway.invoke('unlockStaff', { pin: PINS.teacher, staffId: f.teacher.staffId });
    expect(await gateway.invoke('previewPupilImport', upload())).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
  });

  it('previews, then applies that preview as the office worker who unlocked, and a second apply of it is stale', async () => {
    await gateway.invoke('unlockStaff', { pin: PINS.office, staffId: f.office.staffId });
    // The fixture's own class (keys EXT-1, EXT-2) is not in the file: the preview says it goes.
    const preview = await gateway.invoke('previewPupilImport', upload());
    expect(preview).toMatchObject({ ok: true, value: { format: 'edexml', counts: { added: 12, deactivated: 2 } } });
    const fingerprint = (preview as { value: { fingerprint: string } }).value.fingerprint;
    const applied = await gateway.invoke('applyPupilImport', { ...upload(), fingerprint });
    expect(applied).toMatchObject({ ok: true, value: { counts: { added: 12 } } });
    expect(readEvents(f.core.db, { types: ['pupils_imported'] }).events[0]).toMatchObject({ actor: f.office.staffId });
    // Applying changed the pupils the preview was made from.
    expect(await gateway.invoke('applyPupilImport', { ...upload(), fingerprint })).toMatchObject({ ok: false, error: { code: 'IMPORT_STALE' } });
  });

  it('saves a mapping and lists it', async () => {
    await gateway.invoke('unlockStaff', { pin: PINS.admin, staffId: f.admin.staffId });
    const mapping = { key: 'Nr', roepnaam: 'Naam' };
    expect(await gateway.invoke('saveImportMapping', { name: 'ESIS', mapping })).toMatchObject({ ok: true });
    expect(await gateway.invoke('listImportMappings', {})).toEqual({ ok: true, value: { mappings: [{ name: 'ESIS', mapping }] } });
  });

  it('refuses an upload larger than the limit as invalid, without reading it', async () => {
    await gateway.invoke('unlockStaff', { pin: PINS.office, staffId: f.office.staffId });
    const tooLarge = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4);
    expect(await gateway.invoke('previewPupilImport', { fileName: 'x.xml', base64: tooLarge })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
