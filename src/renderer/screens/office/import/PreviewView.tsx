import { useTranslation } from 'react-i18next';
import { importFields, type ImportPreview, type PlannedChange, type PlannedPupil } from '../../../../shared/contract/pupilImport';
import { importProblemTexts } from '../../../../shared/importTexts';

/** Lists this long are shown in part: the counts above them are the whole. */
const SHOWN = 100;

const groupOf = (p: { groep: string; jaargroep: number | null }) => p.groep || (p.jaargroep === null ? '–' : String(p.jaargroep));

/** What applying the file will do, before anything is written: counts, problems, then who. */
export function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { counts } = preview;
  const nothing = counts.added + counts.changed + counts.deactivated === 0;
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('office.import.preview.title')}</h2>
      <dl className="import-counts" aria-label={t('office.import.preview.title')}>
        {(['read', 'added', 'changed', 'deactivated', 'unchanged'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`office.import.preview.${k}`)}</dt>
            <dd data-count={k}>{counts[k]}</dd>
          </div>
        ))}
      </dl>

      {preview.problemCount > 0 && (
        <div role="alert">
          <h2>{t('office.import.preview.problemsTitle', { count: preview.problemCount })}</h2>
          <p className="muted">{t('office.import.preview.problemsHelp')}</p>
          <table aria-label={t('office.import.preview.problemsTitle', { count: preview.problemCount })}>
            <thead>
              <tr>
                <th>{t('office.import.preview.line')}</th>
                <th>{t('office.import.preview.field')}</th>
                <th>{t('office.import.preview.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i}>
                  <td className="num">{p.line}</td>
                  <td>{p.field ? fieldName(t, p.field) : '–'}</td>
                  <td>{importProblemTexts[p.reason][lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problemCount > preview.problems.length && (
            <p className="muted">{t('office.import.preview.more', { count: preview.problemCount - preview.problems.length })}</p>
          )}
        </div>
      )}

      {preview.problemCount === 0 && nothing && <p role="status">{t('office.import.preview.nothing')}</p>}

      <div className="import-lists">
        {preview.added.length > 0 && <PupilList title={t('office.import.preview.addedTitle')} pupils={preview.added} />}
        {preview.changed.length > 0 && <ChangeList title={t('office.import.preview.changedTitle')} changes={preview.changed} />}
        {preview.deactivated.length > 0 && (
          <ChangeList
            title={t('office.import.preview.deactivatedTitle')}
            help={t('office.import.preview.deactivatedHelp')}
            changes={preview.deactivated}
            what={t('office.import.preview.deactivated')}
          />
        )}
      </div>

      {preview.leftOut.length > 0 && (
        <div>
          <h2>{t('office.import.preview.leftOutTitle')}</h2>
          <p className="muted">{t('office.import.preview.leftOutHelp')}</p>
          <p>{preview.leftOut.map((l) => `${l.field} (${l.count})`).join(', ')}</p>
        </div>
      )}
    </section>
  );
}

// Narrowed to the keys it uses: the type of the whole `t` is too deep for the compiler here.
type FieldKey = `office.import.mapping.fields.${(typeof importFields)[number]}`;
function fieldName(t: (key: FieldKey) => string, field: string): string {
  const known = importFields.find((f) => f === field);
  return known ? t(`office.import.mapping.fields.${known}`) : field;
}

function PupilList({ title, pupils }: { title: string; pupils: PlannedPupil[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <h2>
        {title} ({pupils.length})
      </h2>
      <table aria-label={title}>
        <thead>
          <tr>
            <th>{t('office.import.preview.name')}</th>
            <th>{t('office.import.preview.group')}</th>
            <th>{t('office.import.preview.key')}</th>
          </tr>
        </thead>
        <tbody>
          {pupils.slice(0, SHOWN).map((p) => (
            <tr key={p.key}>
              <td>{p.displayName}</td>
              <td>{groupOf(p)}</td>
              <td className="num">{p.key}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pupils.length > SHOWN && <p className="muted">{t('office.import.preview.more', { count: pupils.length - SHOWN })}</p>}
    </div>
  );
}

/** `what`: one text for every row (a deactivation), instead of the fields that change. */
function ChangeList({ title, help, changes, what }: { title: string; help?: string; changes: PlannedChange[]; what?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h2>
        {title} ({changes.length})
      </h2>
      {help && <p className="muted">{help}</p>}
      <table aria-label={title}>
        <thead>
          <tr>
            <th>{t('office.import.preview.name')}</th>
            <th>{t('office.import.preview.group')}</th>
            <th>{t('office.import.preview.what')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, SHOWN).map((c) => (
            <tr key={c.pupilId}>
              <td>
                {c.displayName}
                {c.fields.includes('name') && (
                  <span className="was">
                    {t('office.import.preview.was')} {c.before.displayName}
                  </span>
                )}
              </td>
              <td>
                {groupOf(c)}
                {(c.fields.includes('groep') || c.fields.includes('jaargroep')) && (
                  <span className="was">
                    {t('office.import.preview.was')} {groupOf(c.before)}
                  </span>
                )}
              </td>
              <td>{what ?? c.fields.map((f) => t(`office.import.preview.fieldNames.${f}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > SHOWN && <p className="muted">{t('office.import.preview.more', { count: changes.length - SHOWN })}</p>}
    </div>
  );
}
