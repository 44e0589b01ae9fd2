export interface ToggleOption<V extends string> {
  value: V;
  label: string;
}

export interface ToggleGroupProps<V extends string> {
  label: string;
  options: readonly ToggleOption<V>[];
  /** The pressed buttons: one value for a single choice, several for marks. */
  selected: readonly V[];
  onToggle(value: V): void;
  /** Shown beside the group's label, e.g. "(niet verplicht)". */
  hint?: string;
}

/**
 * Big touch buttons instead of radio buttons and checkboxes: a pressed button turns yellow and
 * carries aria-pressed, so the choice is heard and read, not only seen.
 */
export function ToggleGroup<V extends string>({ label, options, selected, onToggle, hint }: ToggleGroupProps<V>) {
  return (
    <fieldset className="wf-toggles">
      <legend className="wf-label">
        {label} {hint && <span className="wf-muted">{hint}</span>}
      </legend>
      <div className="wf-toggle-row">
        {options.map((o) => (
          <button key={o.value} type="button" aria-pressed={selected.includes(o.value)} onClick={() => onToggle(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
