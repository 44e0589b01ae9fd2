interface GroupSelectProps {
  groups: readonly string[];
  value: string;
  onChange(groep: string): void;
  /** A first option with the value '' ("Alle groepen", "Kies een groep"); none when omitted. */
  emptyLabel?: string;
  id?: string;
  disabled?: boolean;
}

/** The school's groups as a drop-down, the same wherever the office or a teacher picks one. */
export function GroupSelect({ groups, value, onChange, emptyLabel, id, disabled }: GroupSelectProps) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {groups.map((g) => (
        <option key={g} value={g}>
          {g}
        </option>
      ))}
    </select>
  );
}
