import type { AppErrorData } from '../shared/errors';
import { CallError } from './bridge';

/** The message of a failed call in the screen's language (the core sends Dutch and English). */
export function errorText(error: unknown, language: string): string {
  const data: AppErrorData | null = error instanceof CallError ? error.data : null;
  if (!data) return language === 'en' ? 'Something went wrong.' : 'Er ging iets mis.';
  return language === 'en' ? data.message.en : data.message.nl;
}

export function errorCode(error: unknown): string | null {
  return error instanceof CallError ? error.data.code : null;
}
