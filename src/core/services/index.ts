import { checkOwnSignedCheckpoints, signCheckpoint } from './checkpoints';
import type { ServiceContext } from './context';
import { confiscate } from './custody/confiscate';
import { correct, undoDoorNote } from './custody/correct';
import { missingToday } from './custody/usualHandIns';
import { closeDay, dayOverview, keepOvernight } from './custody/dayClose';
import { handIn } from './custody/handIn';
import { noteCondition, reportIncident } from './custody/notes';
import { getMedia } from './custody/media';
import { listCustody, listEvents } from './custody/queries';
import { releaseToGuardian } from './custody/release';
import { returnDevice } from './custody/returnDevice';
import { scan } from './custody/scan';
import { transfer } from './custody/transfer';
import { changeDevice, createDevice, listDevices } from './devices';
import { assignPouch, createLocation, createPouch, listLocations, setDefaultLocation } from './locations';
import { changePupil, createPupil, listPupils } from './pupils';
import { redactPayloads } from './redact';
import { loginStaff, verifyPin } from './pinLogin';
import { createStaff, listStaff, listStaffAccounts, requireStaff } from './staff';
import { changeOwnPin, changeStaff, clearStaffLock, resetStaffPin } from './staffChanges';
import { assignTag, revokeTag } from './tags';
import { attachDeviceTag, moveTag } from './deviceTags';
import { devicesOfGroup } from './deviceOverview';
import { enrolAtDoor } from './enrol';
import { addPouches, autoAssignBag, createBag, freePouch, getBag, listBags, movePupilToPouch, retirePouch } from './bags';
import { endExemption, grantExemption, listExemptions } from './exemptions';

type Bound<F> = F extends (ctx: ServiceContext, ...args: infer A) => infer R ? (...args: A) => R : never;
const bind =
  <F extends (ctx: ServiceContext, ...args: never[]) => unknown>(ctx: ServiceContext, fn: F): Bound<F> =>
  ((...args: never[]) => fn(ctx, ...args)) as Bound<F>;

/** Every service with its context bound: what the handlers, the CLI and the demo seed call. */
export function createServices(ctx: ServiceContext) {
  return {
    context: ctx,
    scan: bind(ctx, scan),
    handIn: bind(ctx, handIn),
    returnDevice: bind(ctx, returnDevice),
    transfer: bind(ctx, transfer),
    confiscate: bind(ctx, confiscate),
    releaseToGuardian: bind(ctx, releaseToGuardian),
    noteCondition: bind(ctx, noteCondition),
    reportIncident: bind(ctx, reportIncident),
    correct: bind(ctx, correct),
    undoDoorNote: bind(ctx, undoDoorNote),
    missingToday: bind(ctx, missingToday),
    keepOvernight: bind(ctx, keepOvernight),
    dayOverview: bind(ctx, dayOverview),
    closeDay: bind(ctx, closeDay),
    signCheckpoint: bind(ctx, signCheckpoint),
    checkSignedCheckpoints: () => checkOwnSignedCheckpoints(ctx),
    listCustody: bind(ctx, listCustody),
    listEvents: bind(ctx, listEvents),
    getMedia: bind(ctx, getMedia),
    createStaff: bind(ctx, createStaff),
    verifyPin: bind(ctx, verifyPin),
    loginStaff: bind(ctx, loginStaff),
    requireStaff: bind(ctx, requireStaff),
    listStaff: bind(ctx, listStaff),
    changeStaff: bind(ctx, changeStaff),
    listStaffAccounts: bind(ctx, listStaffAccounts),
    resetStaffPin: bind(ctx, resetStaffPin),
    clearStaffLock: bind(ctx, clearStaffLock),
    changeOwnPin: bind(ctx, changeOwnPin),
    createPupil: bind(ctx, createPupil),
    listPupils: bind(ctx, listPupils),
    changePupil: bind(ctx, changePupil),
    createDevice: bind(ctx, createDevice),
    listDevices: bind(ctx, listDevices),
    changeDevice: bind(ctx, changeDevice),
    createLocation: bind(ctx, createLocation),
    createPouch: bind(ctx, createPouch),
    assignPouch: bind(ctx, assignPouch),
    listLocations: bind(ctx, listLocations),
    setDefaultLocation: bind(ctx, setDefaultLocation),
    assignTag: bind(ctx, assignTag),
    revokeTag: bind(ctx, revokeTag),
    attachDeviceTag: bind(ctx, attachDeviceTag),
    moveTag: bind(ctx, moveTag),
    devicesOfGroup: bind(ctx, devicesOfGroup),
    enrolAtDoor: bind(ctx, enrolAtDoor),
    redactPayloads: bind(ctx, redactPayloads),
    listBags: bind(ctx, listBags),
    getBag: bind(ctx, getBag),
    createBag: bind(ctx, createBag),
    addPouches: bind(ctx, addPouches),
    autoAssignBag: bind(ctx, autoAssignBag),
    movePupilToPouch: bind(ctx, movePupilToPouch),
    freePouch: bind(ctx, freePouch),
    retirePouch: bind(ctx, retirePouch),
    grantExemption: bind(ctx, grantExemption),
    endExemption: bind(ctx, endExemption),
    listExemptions: bind(ctx, listExemptions),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { ServiceContext } from './context';
