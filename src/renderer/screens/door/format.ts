/** "08:21": the time of an event in the kiosk's own time zone. */
export function clockTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
