import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyOutcome } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';

/**
 * Walks the whole hash chain on request and says, in words, whether it is intact: the button
 * goes where the screen puts it, the result in its own status line.
 */
export function useLedgerCheck(): { button: ReactElement; result: ReactElement } {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | VerifyOutcome | { failed: unknown }>('idle');
  const run = () => {
    setState('busy');
    call('verifyLedger', {}).then(setState, (failed: unknown) => setState({ failed }));
  };
  const button = (
    <button type="button" onClick={run} disabled={state === 'busy'}>
      {t('teacher.dashboard.verify')}
    </button>
  );
  const result = (
    <p role="status" className="verify-result">
      {state === 'busy' && t('teacher.dashboard.verifying')}
      {typeof state === 'object' && 'failed' in state && <span className="bad">{errorText(state.failed, i18n.language)}</span>}
      {typeof state === 'object' && 'ok' in state && state.ok && (
        <span className="good">
          <span aria-hidden="true">✔ </span>
          {t('teacher.dashboard.verifyOk', { count: state.checked })}
        </span>
      )}
      {typeof state === 'object' && 'ok' in state && !state.ok && (
        <span className="bad">
          <span aria-hidden="true">✖ </span>
          {t('teacher.dashboard.verifyBad', { seq: state.firstBadSeq })}
        </span>
      )}
    </p>
  );
  return { button, result };
}
