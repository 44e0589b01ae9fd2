/** Texts every screen shares. */
import type { Messages } from '../nl';

export const common: Pick<Messages, 'app' | 'nav' | 'idle' | 'health' | 'pin' | 'errors'> = {
  app: {
    name: 'Inleverpunt',
    language: 'Language',
    languages: { nl: 'Nederlands', en: 'English' },
  },
  nav: {
    door: 'Hand in',
    teacher: 'Teacher',
    office: 'Office',
    settings: 'Settings',
    main: 'Main menu',
    staff: 'Staff',
  },
  idle: {
    warning: 'Still there? In {{seconds}} s the screen returns to the door and what you entered is lost.',
    stay: 'I am still here',
  },
  health: {
    readOnly: 'Warning: the ledger failed its check. Nothing is being stored. Tell the administrator.',
    recover: 'Restore a backup',
    diskFull: 'The disk of this PC is full: nothing is being stored. Free some space or call the IT partner; the kiosk works again as soon as there is room.',
    diskReadOnly: 'The database cannot be written (read-only): nothing is being stored. Call the IT partner.',
    backupFailed: 'The last backup failed ({{when}}). The kiosk tries again every hour; if it still fails tomorrow, call the IT partner.',
    syncBehind:
      "Warning: the board's central database holds more of this kiosk's events than the kiosk itself ({{when}}). That happens after an older backup was restored: what happened on this kiosk since is still stored centrally, but no longer here. The kiosk keeps working and sends nothing until this is resolved. Call the IT partner; the board's office sees the finding too.",
    syncDiverged:
      "Warning: the board's central database refuses this kiosk's log ({{when}}). What this kiosk holds now no longer matches what was already stored centrally: something in its history may have been changed. The kiosk keeps working. Do not restore a backup; call the IT partner. The board's office sees the finding too.",
    syncForked:
      "Warning: after the backup was restored, this kiosk recorded events of its own before it could take back from the board's central database what the backup lacked ({{when}}). From event {{seq}} on, the two logs differ, so nothing was taken back and nothing is sent. The kiosk keeps working. Call the IT partner; the board's office sees the finding too.",
    syncCentralBad:
      "Warning: the board's central copy of this kiosk's log does not check out ({{when}}): {{problem}}. Nothing was taken back from it. The kiosk keeps working. Call the IT partner; the board's office must have the central database checked.",
    syncTakenBack_one:
      "After the backup was restored, this kiosk took {{count}} event back from the board's central database ({{when}}): the log is complete again. Notes and names of that event were not stored centrally and are not available.",
    syncTakenBack_other:
      "After the backup was restored, this kiosk took {{count}} events back from the board's central database ({{when}}): the log is complete again. Notes and names of those events were not stored centrally and are not available.",
    syncRefused:
      "Warning: the board's central database refuses what this kiosk sends ({{when}}): {{problem}}. The events stay safe on this kiosk but do not reach the central database. Call the IT partner.",
    syncOffline_one:
      "The board's central database has not been reachable since {{since}}: {{count}} event is waiting on this kiosk. It goes up by itself once the network is back; if this lasts, call the IT partner.",
    syncOffline_other:
      "The board's central database has not been reachable since {{since}}: {{count}} events are waiting on this kiosk. They go up by themselves once the network is back; if this lasts, call the IT partner.",
    checkFailed: 'The daily check ({{when}}) found a fault in the database or the ledger. Nothing more is stored: restore the newest good backup.',
  },
  pin: {
    entered_one: '{{count}} digit entered',
    entered_other: '{{count}} digits entered',
    erase: 'Erase last digit',
    ok: 'OK, confirm PIN',
  },
  errors: {
    bridgeMissing: 'The screen cannot reach the kiosk. Restart Inleverpunt.',
  },
};
