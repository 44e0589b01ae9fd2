import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import type { Message } from './PageMessage';

export interface OfficeAction {
  busy: boolean;
  /** The last action's result, for PageMessage. */
  message: Message | null;
  setMessage(message: Message | null): void;
  /**
   * Runs one office step (`work` returns the success text), one at a time, then reloads what the
   * screen shows whether it worked or not: a refused step may still have changed what others see.
   * Resolves true when the step worked.
   */
  act(work: () => Promise<string>): Promise<boolean>;
}

export function useOfficeAction(reload: () => Promise<unknown> | void): OfficeAction {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const act = useCallback(
    async (work: () => Promise<string>) => {
      setBusy(true);
      setMessage(null);
      let ok = true;
      try {
        setMessage({ kind: 'ok', text: await work() });
      } catch (error) {
        ok = false;
        setMessage({ kind: 'error', text: errorText(error, i18n.language) });
      } finally {
        setBusy(false);
        await Promise.resolve(reload()).catch(() => undefined);
      }
      return ok;
    },
    [reload, i18n.language],
  );
  return { busy, message, setMessage, act };
}
