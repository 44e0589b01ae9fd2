import type { FormHTMLAttributes, ReactNode } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  /** Runs on Enter or the submit button; the page never reloads (a kiosk has no page to go back to). */
  onSubmit: () => unknown;
  children: ReactNode;
};

/** A form that hands its submit to the screen's handler instead of the browser's navigation. */
export function SubmitForm({ onSubmit, children, ...rest }: Props) {
  return (
    <form
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
