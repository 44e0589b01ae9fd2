import type { ReactNode } from 'react';

/** The confirmation after a workflow: a tick, a heading and what to do next (never colour alone). */
export function WorkflowDone({ title, children, actions }: { title: string; children?: ReactNode; actions: ReactNode }) {
  return (
    <div className="wf-done" role="status" aria-live="polite">
      <svg className="wf-done-icon" width="72" height="72" viewBox="0 0 72 72" aria-hidden="true" focusable="false">
        <circle cx="36" cy="36" r="34" fill="#1f9d55" />
        <path d="M20 37 l11 11 l22 -24" stroke="#fff" strokeWidth="7" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <div className="wf-done-body">
        <h2>{title}</h2>
        {children}
        <div className="wf-actions">{actions}</div>
      </div>
    </div>
  );
}
