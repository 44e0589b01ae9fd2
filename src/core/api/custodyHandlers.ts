import type { MethodName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Core } from '../index';
import { recordCheckpoint } from '../ledger/checkpoint';
import { appendEvent } from '../ledger/append';
import { PUPIL_ACTOR } from '../ledger/events';
import { verifyLedger } from '../ledger/verify';
import { ledgerWriter, writeTransaction } from '../services/context';
import type { Handlers } from './gateway';

type CustodyMethod = Exclude<MethodName, 'getKioskInfo' | 'getHealth' | 'exitKiosk'>;

/**
 * The contract's custody methods on top of the services. Staff actions name their staff member
 * (`staffId`) until the UI has sessions; every service re-checks that the person is active.
 * Results are shaped by the contract's result schemas, which drop anything not declared.
 */
export function createCustodyHandlers(core: Core): Pick<Handlers, CustodyMethod> {
  const s = core.services;
  const doorActor = (staffId: string | undefined) => staffId ?? PUPIL_ACTOR;
  return {
    scan: ({ code, mode, staffId }) => s.scan({ code, mode, actor: doorActor(staffId) }),
    handIn: ({ deviceId, pouchId, staffId }) =>
      s.handIn({ deviceId, actor: doorActor(staffId), ...(pouchId ? { pouchId } : {}) }),
    returnDevice: ({ deviceId, staffId }) => s.returnDevice({ deviceId, actor: doorActor(staffId) }),
    transfer: ({ deviceId, to, note, staffId }) => s.transfer({ deviceId, to, note, actor: staffId }),
    confiscate: ({ staffId, ...rest }) => s.confiscate({ ...rest, actor: staffId }),
    releaseToGuardian: ({ staffId, ...rest }) => s.releaseToGuardian({ ...rest, actor: staffId }),
    noteCondition: ({ deviceId, marks, note, staffId }) =>
      s.noteCondition({ deviceId, marks, note, actor: doorActor(staffId) }),
    reportIncident: ({ deviceId, kind, description, staffId }) =>
      s.reportIncident({ deviceId, kind, description, actor: staffId }),
    correct: ({ seq, reason, staffId }) => s.correct({ seq, reason, actor: staffId }),
    unlockStaff: ({ pin, staffId }) => s.loginStaff({ pin, ...(staffId ? { staffId } : {}) }),
    listCustody: ({ staffId, ...filter }) => {
      s.requireStaff(staffId);
      return { items: s.listCustody(filter) };
    },
    listEvents: ({ staffId, ...options }) => {
      s.requireStaff(staffId);
      return s.listEvents(options);
    },
    listPupils: ({ staffId, groep }) => {
      s.requireStaff(staffId);
      return { pupils: s.listPupils(groep === undefined ? {} : { groep }) };
    },
    listDevices: ({ staffId, ...filter }) => {
      s.requireStaff(staffId);
      return { devices: s.listDevices(filter) };
    },
    verifyLedger: ({ staffId, fromSeq }) => {
      s.requireStaff(staffId);
      const result = verifyLedger(core.db, fromSeq === undefined ? {} : { fromSeq });
      // A clean full walk moves the start-up checkpoint forward (not ledger data: allowed read-only).
      if (fromSeq === undefined && result.ok) recordCheckpoint(core.db, result, s.context.now());
      return result;
    },
  };
}

/**
 * Leaving the kiosk needs an administrator's PIN. It works even when the ledger is read-only
 * (an administrator must be able to get out to restore a backup); when writable it is recorded.
 */
export function exitKioskWithPin(core: Core, pin: string, exit: () => void): { exiting: true } {
  const staff = core.services.unlockWithPin(pin);
  if (staff.role !== 'admin') throw new AppError('NOT_AUTHORISED');
  const ctx = core.services.context;
  if (ctx.problem() === null) {
    writeTransaction(ctx, () => appendEvent(ledgerWriter(ctx), { type: 'kiosk_exited', actor: staff.staffId }));
  }
  exit();
  return { exiting: true };
}
