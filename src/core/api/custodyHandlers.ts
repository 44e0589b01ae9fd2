import type { custodyMethods, StaffSummary } from '../../shared/contract/custody';
import type { MediaUpload } from '../../shared/contract/media';
import { AppError, isAppErrorOf } from '../../shared/errors';
import type { Core } from '../index';
import { recordCheckpoint } from '../ledger/checkpoint';
import { appendEvent } from '../ledger/append';
import { PUPIL_ACTOR } from '../ledger/events';
import type { MediaImage } from '../ledger/media';
import { verifyLedger } from '../ledger/verify';
import { ledgerWriter, writeTransaction } from '../services/context';
import { custodyCount } from '../services/custody/count';
import type { Handlers } from './gateway';
import type { KioskSession } from './session';

type CustodyMethod = keyof typeof custodyMethods | 'getMedia';

/** At the door the unlocked staff member acts if there is one; otherwise the pupil does. */
const doorActor = (actor: StaffSummary | null): string => actor?.staffId ?? PUPIL_ACTOR;

/** The contract carries an image as base64 (JSON over the test bridge); the core keeps bytes. */
const imageOf = (upload: MediaUpload): MediaImage => ({ mime: upload.mime, bytes: Buffer.from(upload.base64, 'base64') });

/**
 * The contract's custody methods on top of the services. The actor always comes from the
 * gateway (who unlocked with a PIN), never from the screen's arguments. Results are shaped by
 * the contract's result schemas, which drop anything not declared.
 */
export function createCustodyHandlers(core: Core, session: KioskSession): Pick<Handlers, CustodyMethod> {
  const s = core.services;
  const duty = () => {
    const id = session.dutyStaffId();
    return id ? { dutyStaffId: id } : {};
  };
  return {
    scan: ({ code, mode }, { actor }) => s.scan({ code, mode, actor: doorActor(actor), ...duty() }),
    handIn: ({ deviceId, pouchId }, { actor }) =>
      s.handIn({ deviceId, actor: doorActor(actor), ...duty(), ...(pouchId ? { pouchId } : {}) }),
    returnDevice: ({ deviceId }, { actor }) => s.returnDevice({ deviceId, actor: doorActor(actor) }),
    transfer: ({ deviceId, to, note }, { actor }) => s.transfer({ deviceId, to, note, actor: actor.staffId }),
    confiscate: (args, { actor }) => s.confiscate({ ...args, actor: actor.staffId }),
    releaseToGuardian: ({ signature, ...args }, { actor }) =>
      s.releaseToGuardian({ ...args, ...(signature ? { signature: imageOf(signature) } : {}), actor: actor.staffId }),
    noteCondition: ({ deviceId, marks, note }, { actor }) =>
      s.noteCondition({ deviceId, marks, note, actor: doorActor(actor) }),
    reportIncident: ({ deviceId, kind, description, photoHash, photo, insurer }, { actor }) =>
      s.reportIncident({
        deviceId,
        kind,
        description,
        ...(insurer ? { insurer } : {}),
        ...(photoHash ? { photoHash } : {}),
        ...(photo ? { photo: imageOf(photo) } : {}),
        actor: actor.staffId,
      }),
    correct: ({ seq, reason }, { actor }) => s.correct({ seq, reason, actor: actor.staffId }),
    // The reason is the kiosk's own words, not a person's: nothing personal goes in the payload.
    undoConditionNote: ({ seq }, { actor }) =>
      s.undoDoorNote({ seq, actor: doorActor(actor), reason: 'Ongedaan gemaakt aan de deur' }),
    unlockStaff: ({ pin, staffId }) => session.unlock(staffId, pin),
    lockStaff: ({ endDuty }) => {
      session.lock(endDuty ?? false);
      return session.state();
    },
    getSession: () => session.state(),
    listCustody: (filter) => ({ items: s.listCustody(filter) }),
    custodyCount: () => custodyCount(s.context),
    listEvents: (options) => s.listEvents(options),
    listPupils: ({ groep }) => ({ pupils: s.listPupils(groep === undefined ? {} : { groep }) }),
    listDevices: (filter) => ({ devices: s.listDevices(filter) }),
    getMedia: ({ sha256 }) => s.getMedia(sha256),
    verifyLedger: ({ fromSeq }) => {
      const result = verifyLedger(core.db, fromSeq === undefined ? {} : { fromSeq });
      // A clean full walk moves the start-up checkpoint forward (not ledger data: allowed read-only).
      if (fromSeq === undefined && result.ok) recordCheckpoint(core.db, result, s.context.now());
      return result;
    },
  };
}

/**
 * Leaving the kiosk needs an administrator's PIN, typed for this call: a `door` method that
 * carries its own proof, so it works without an unlock. It works even when the ledger is read-only
 * (an administrator must be able to get out to restore a backup); when writable it is recorded.
 */
export function exitKioskWithPin(core: Core, staffId: string, pin: string, exit: () => void): { exiting: true } {
  const staff = core.services.verifyPin(staffId, pin);
  if (staff.role !== 'admin') throw new AppError('NOT_AUTHORISED');
  const ctx = core.services.context;
  if (ctx.problem() === null) {
    try {
      writeTransaction(ctx, () => appendEvent(ledgerWriter(ctx), { type: 'kiosk_exited', actor: staff.staffId }));
    } catch (error) {
      // On a full or read-only disk the IT partner must still be able to close the kiosk, unrecorded.
      if (!isAppErrorOf(error, 'DISK_FULL') && !isAppErrorOf(error, 'DISK_READ_ONLY')) throw error;
    }
  }
  exit();
  return { exiting: true };
}
