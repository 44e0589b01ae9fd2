import type { custodyMethods } from '../../shared/contract/custody';
import { AppError } from '../../shared/errors';
import type { Core } from '../index';
import { recordCheckpoint } from '../ledger/checkpoint';
import { appendEvent } from '../ledger/append';
import { verifyLedger } from '../ledger/verify';
import { ledgerWriter, writeTransaction } from '../services/context';
import { custodyCount } from '../services/custody/count';
import type { Handlers } from './gateway';
import type { KioskSession } from './session';

type CustodyMethod = keyof typeof custodyMethods;

/**
 * The contract's custody methods on top of the services. The actor always comes from the
 * session (who unlocked with a PIN), never from the screen's arguments. Results are shaped by
 * the contract's result schemas, which drop anything not declared.
 */
export function createCustodyHandlers(core: Core, session: KioskSession): Pick<Handlers, CustodyMethod> {
  const s = core.services;
  const staff = () => session.requireUnlocked().staffId;
  const duty = () => {
    const id = session.dutyStaffId();
    return id ? { dutyStaffId: id } : {};
  };
  return {
    scan: ({ code, mode }) => s.scan({ code, mode, actor: session.doorActor(), ...duty() }),
    handIn: ({ deviceId, pouchId }) =>
      s.handIn({ deviceId, actor: session.doorActor(), ...duty(), ...(pouchId ? { pouchId } : {}) }),
    returnDevice: ({ deviceId }) => s.returnDevice({ deviceId, actor: session.doorActor() }),
    transfer: ({ deviceId, to, note }) => s.transfer({ deviceId, to, note, actor: staff() }),
    confiscate: (args) => s.confiscate({ ...args, actor: staff() }),
    releaseToGuardian: (args) => s.releaseToGuardian({ ...args, actor: staff() }),
    noteCondition: ({ deviceId, marks, note }) => s.noteCondition({ deviceId, marks, note, actor: session.doorActor() }),
    reportIncident: ({ deviceId, kind, description, photoHash }) =>
      s.reportIncident({ deviceId, kind, description, ...(photoHash ? { photoHash } : {}), actor: staff() }),
    correct: ({ seq, reason }) => s.correct({ seq, reason, actor: staff() }),
    unlockStaff: ({ pin, staffId }) => session.unlock(pin, staffId),
    lockStaff: ({ endDuty }) => {
      session.lock(endDuty ?? false);
      return session.state();
    },
    getSession: () => session.state(),
    listCustody: (filter) => {
      staff();
      return { items: s.listCustody(filter) };
    },
    custodyCount: () => custodyCount(s.context),
    listEvents: (options) => {
      staff();
      return s.listEvents(options);
    },
    listPupils: ({ groep }) => {
      staff();
      return { pupils: s.listPupils(groep === undefined ? {} : { groep }) };
    },
    listDevices: (filter) => {
      staff();
      return { devices: s.listDevices(filter) };
    },
    verifyLedger: ({ fromSeq }) => {
      staff();
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
