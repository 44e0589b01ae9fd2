import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, type ColumnMapping, type SavedMapping } from '../../../../shared/contract/pupilImport';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';

interface MappingStepProps {
  columns: string[];
  mapping: ColumnMapping;
  onChange(mapping: ColumnMapping): void;
}

/**
 * Which column of a class list is which field, with Inleverpunt's guess filled in; a mapping can
 * be saved under a name and chosen again for the next list in the same layout.
 */
export function MappingStep({ columns, mapping, onChange }: MappingStepProps) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void call('listImportMappings', {}).then((r) => setSaved(r.mappings), () => setSaved([]));
  }, []);

  const setField = (field: (typeof importFields)[number], header: string) => {
    const next: ColumnMapping = { ...mapping };
    if (header === '') delete next[field];
    else next[field] = header;
    onChange(next);
  };
  const save = async () => {
    setStatus(null);
    try {
      const result = await call('saveImportMapping', { name: name.trim(), mapping });
      setSaved((list) => [...list.filter((m) => m.name !== result.name), result].sort((a, b) => a.name.localeCompare(b.name, 'nl')));
      setStatus({ ok: true, text: t('office.import.mapping.savedOk', { name: result.name }) });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error, i18n.language) });
    }
  };

  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('office.import.mapping.title')}</h2>
      <p className="muted">{t('office.import.mapping.intro')}</p>
      {saved.length > 0 && (
        <div className="choice-row">
          <label htmlFor="mapping-saved">{t('office.import.mapping.saved')}</label>
          <select
            id="mapping-saved"
            value=""
            onChange={(e) => {
              const chosen = saved.find((m) => m.name === e.target.value);
              if (chosen) onChange(chosen.mapping);
            }}
          >
            <option value="">{t('office.import.mapping.savedNone')}</option>
            {saved.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="mapping-grid">
        {importFields.map((field) => (
          <div key={field} className="mapping-field">
            <label htmlFor={`mapping-${field}`}>{t(`office.import.mapping.fields.${field}`)}</label>
            <select id={`mapping-${field}`} value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
              <option value="">{t('office.import.mapping.none')}</option>
              {columns.map((c, i) => (
                <option key={`${i}-${c}`} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="choice-row" style={{ marginTop: '0.7rem' }}>
        <label htmlFor="mapping-name">{t('office.import.mapping.saveAs')}</label>
        <input id="mapping-name" type="text" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" disabled={name.trim() === ''} onClick={() => void save()}>
          {t('office.import.mapping.save')}
        </button>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={`message ${status.ok ? 'message-ok' : 'message-error'}`}>
            {status.text}
          </p>
        )}
      </div>
    </section>
  );
}
