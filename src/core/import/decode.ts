/**
 * Text from an exported file. Administration systems and Excel on Windows still write
 * Windows-1252, others UTF-8. Strict UTF-8 goes first because Windows-1252 decodes any byte
 * sequence (a UTF-8 "ë" would silently become "Ã«"), so it can only be the fallback. The BOM that
 * Excel puts before UTF-8 is not part of the text.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: stripBom(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
