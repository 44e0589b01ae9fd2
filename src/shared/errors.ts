/**
 * Stable error codes the renderer, the CLI and the logs can rely on. The code is the contract;
 * the messages are what a teacher or pupil reads, in Dutch first.
 */
export const errorMessages = {
  INVALID_ARGUMENT: {
    nl: 'De gegevens zijn niet geldig.',
    en: 'The input is not valid.',
  },
  UNKNOWN_METHOD: {
    nl: 'Deze opdracht bestaat niet.',
    en: 'This command does not exist.',
  },
  FORBIDDEN_SENDER: {
    nl: 'Deze opdracht komt niet van het kioskscherm en is geweigerd.',
    en: 'This command did not come from the kiosk screen and was refused.',
  },
  INTERNAL: {
    nl: 'Er ging iets mis in het programma. Niets van wat al was opgeslagen is verloren.',
    en: 'Something went wrong inside the app. Nothing already stored has been lost.',
  },
  NOT_AVAILABLE: {
    nl: 'Dit onderdeel is nog niet beschikbaar.',
    en: 'This part is not available yet.',
  },
  DB_FROM_NEWER_VERSION: {
    nl: 'Deze database is gemaakt door een nieuwere versie van Inleverpunt. Installeer die versie; de database is niet aangepast.',
    en: 'This database was written by a newer version of Inleverpunt. Install that version; the database has not been changed.',
  },
  DB_CORRUPT: {
    nl: 'De database is beschadigd. Er wordt niets meer opgeslagen; zet een back-up terug.',
    en: 'The database is damaged. Nothing more will be stored; restore a backup.',
  },
  DB_READ_ONLY: {
    nl: 'Het logboek klopt niet meer, daarom wordt er niets opgeslagen. Vraag de beheerder een back-up terug te zetten.',
    en: 'The ledger failed its check, so nothing is being stored. Ask the administrator to restore a backup.',
  },
  // — custody ledger and its services —
  // — scanning —
} as const satisfies Record<string, LocalizedText>;

export interface LocalizedText {
  nl: string;
  en: string;
}

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/** What crosses the process boundary: never a stack trace. */
export interface AppErrorData {
  code: ErrorCode;
  message: LocalizedText;
  /** Structured, non-personal detail a screen may use (for example the devices to choose from). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by the core; turned into a typed `Result` at the gateway. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(`${code}: ${errorMessages[code].en}`);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: errorMessages[this.code],
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
