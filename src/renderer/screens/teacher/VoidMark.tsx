import { useTranslation } from 'react-i18next';

/**
 * The mark on a voided event in every list: text and a symbol, not colour alone. With the
 * correction's reason when it is known, otherwise the correction's number.
 */
export function VoidMark({ bySeq, reason }: { bySeq: number; reason?: string | null }) {
  const { t } = useTranslation();
  return (
    <span className="void-mark">
      <span className="flag flag-void">
        <span aria-hidden="true">✕ </span>
        {t('teacher.ledger.void')}
      </span>
      <span className="sub">
        {reason ? t('teacher.ledger.voidReason', { reason }) : t('teacher.ledger.voidBy', { seq: bySeq })}
      </span>
    </span>
  );
}
