/**
 * Turns what a reader delivered into the canonical value tags are stored under.
 * PLACEHOLDER until the scanning work (issue 4) lands: it only trims and upper-cases.
 * The final version validates the app's own codes (check character → MISREAD_CODE), keeps
 * enrolled foreign codes as they are, and canonicalises NFC UIDs.
 */
export function canonicalizeScan(raw: string): string {
  return raw.trim().toUpperCase();
}
