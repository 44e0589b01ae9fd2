import { useTranslation } from 'react-i18next';
import { receiptOrigin } from './receiptFacts';
import type { ReceiptFacts } from './receiptFacts';

export function formatMoment(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/**
 * The receipt a parent takes home when a confiscated device is handed back. It prints on its own
 * (see `@media print` in workflows.css); the ledger's event number and hash let the office find
 * and verify the record later.
 */
export function Receipt({ facts, signatureUrl }: { facts: ReceiptFacts; signatureUrl: string | null }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatMoment(iso, i18n.language);
  const c = facts.confiscation;
  const r = facts.release;
  return (
    <article className="wf-receipt" aria-labelledby="receipt-title" data-testid="receipt">
      <header className="receipt-head">
        <h2 id="receipt-title">{t('workflows.receipt.title')}</h2>
        <p data-testid="receipt-origin">{receiptOrigin(facts)}</p>
      </header>
      <dl className="receipt-facts">
        <dt>{t('workflows.receipt.device')}</dt>
        <dd>
          {t(`workflows.kinds.${facts.device.kind}`)}: {facts.device.description}
        </dd>
        <dt>{t('workflows.receipt.pupil')}</dt>
        <dd>{facts.pupil ? t('workflows.receipt.pupilValue', facts.pupil) : '—'}</dd>
      </dl>
      {c && (
        <section className="receipt-section">
          <h3>{t('workflows.receipt.confiscation')}</h3>
          <dl className="receipt-facts">
            <dt>{t('workflows.receipt.at')}</dt>
            <dd>{at(c.at)}</dd>
            <dt>{t('workflows.receipt.by')}</dt>
            <dd>{c.by}</dd>
            <dt>{t('workflows.receipt.witness')}</dt>
            <dd>{c.witness}</dd>
            <dt>{t('workflows.receipt.reason')}</dt>
            <dd>
              {c.article && <span className="receipt-article">{t('workflows.receipt.article', { article: c.article })} </span>}
              {c.reason ?? t('workflows.receipt.reasonErased')}
            </dd>
            {c.sealedBagNumber && (
              <>
                <dt>{t('workflows.receipt.sealedBag')}</dt>
                <dd>{c.sealedBagNumber}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <section className="receipt-section">
        <h3>{t('workflows.receipt.release')}</h3>
        <dl className="receipt-facts">
          <dt>{t('workflows.receipt.at')}</dt>
          <dd>{at(r.at)}</dd>
          <dt>{t('workflows.receipt.by')}</dt>
          <dd>{r.by}</dd>
          <dt>{t('workflows.receipt.guardian')}</dt>
          <dd data-testid="receipt-guardian">{r.guardianName}</dd>
          {r.note && (
            <>
              <dt>{t('workflows.receipt.note')}</dt>
              <dd>{r.note}</dd>
            </>
          )}
        </dl>
        <div className="receipt-signature">
          <span>{t('workflows.receipt.signature')}</span>
          {signatureUrl ? (
            <img src={signatureUrl} alt={t('workflows.receipt.signatureImage')} />
          ) : (
            <span className="receipt-sign-line" aria-label={t('workflows.receipt.signOnPaper')} />
          )}
        </div>
      </section>
      <footer className="receipt-foot" data-testid="receipt-ledger">
        {t('workflows.receipt.ledger', { seq: r.seq, hash: r.hashPrefix })}
        {c && ` · ${t('workflows.receipt.ledgerConfiscation', { seq: c.seq })}`}
      </footer>
    </article>
  );
}
