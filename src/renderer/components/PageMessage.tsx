export interface Message {
  kind: 'ok' | 'error';
  text: string;
}

/** The result of a staff action: a status for success, an alert for failure, never colour alone. */
export function PageMessage({ message, icon = true }: { message: Message | null; icon?: boolean }) {
  if (!message) return null;
  return (
    <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {icon && <span aria-hidden="true">{message.kind === 'ok' ? '✔ ' : '✖ '}</span>}
      {message.text}
    </p>
  );
}
