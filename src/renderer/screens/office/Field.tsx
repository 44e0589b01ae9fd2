import { useId, type ReactNode } from 'react';

/**
 * A label tied to its control by id rather than by wrapping it: a wrapping label's accessible
 * name would include a select's option texts ("Groep 7A 8B").
 */
export function Field({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
