/**
 * Why a bundle fails, as stable codes (the CLI's `--json`, the standalone verifier and the
 * central server print the same ones) with what a person reads, in Dutch and English.
 */
export const bundleReasons = {
  malformed: { nl: 'Dit is geen leesbaar bewijsbestand (een regel klopt niet van vorm).', en: 'This is not a readable evidence bundle (a line is malformed).' },
  unsupported_version: { nl: 'Dit bewijsbestand heeft een onbekende versie.', en: 'This bundle has an unknown format version.' },
  truncated: { nl: 'Het bestand is afgebroken: het einde ontbreekt.', en: 'The file is cut off: its end is missing.' },
  key_invalid: { nl: 'De opgegeven verificatiesleutel is ongeldig.', en: 'The verifier key given is not valid.' },
  wrong_key: { nl: 'Het controlepunt is niet ondertekend met de sleutel van deze kiosk.', en: "The checkpoint is not signed with this kiosk's key." },
  bad_signature: { nl: 'De handtekening onder het controlepunt klopt niet.', en: 'The signature on the checkpoint does not verify.' },
  not_this_log: { nl: 'Het controlepunt of een gebeurtenis hoort bij een andere kiosk.', en: 'The checkpoint or an event belongs to another kiosk.' },
  event_hash: { nl: 'Een gebeurtenis is veranderd: haar hash klopt niet.', en: 'An event was changed: its hash does not match.' },
  payload_mismatch: { nl: 'De tekst bij een gebeurtenis is veranderd.', en: 'The text of an event was changed.' },
  chain_broken: { nl: 'De keten is onderbroken: een gebeurtenis verwijst niet naar de vorige.', en: 'The chain is broken: an event does not link to the one before.' },
  out_of_order: { nl: 'De regels staan niet in volgorde (verschoven of dubbel).', en: 'The lines are out of order (moved or duplicated).' },
  missing_event: { nl: 'Er ontbreekt een gebeurtenis.', en: 'An event is missing.' },
  beyond_checkpoint: { nl: 'Het bestand bevat meer dan het controlepunt dekt.', en: 'The file holds more than the checkpoint covers.' },
  bad_proof: { nl: 'Het bewijs voor weggelaten gebeurtenissen is ongeldig.', en: 'The proof for left-out events is not valid.' },
  root_mismatch: { nl: 'De gebeurtenissen geven niet de ondertekende boomwortel: er is iets veranderd.', en: 'The events do not give the signed root: something was changed.' },
  count_mismatch: { nl: 'Het aantal regels klopt niet met het einde van het bestand.', en: 'The number of lines does not match the end of the file.' },
  seal_needs_witness: {
    nl: 'Dit bewijsbestand is uit de centrale database gemaakt en door de getuige verzegeld; controleer het met --witness en de sleutel van de getuige.',
    en: 'This bundle was made from the central database and sealed by the witness; check it with --witness and the witness key.',
  },
  bad_seal: { nl: 'Het zegel van het bestand klopt niet: er is een regel toegevoegd, weggelaten of veranderd.', en: "The file's seal does not verify: a line was added, left out or changed." },
  since_bad_signature: { nl: 'Het eerdere controlepunt is niet met de sleutel van deze kiosk ondertekend.', en: "The earlier checkpoint is not signed with this kiosk's key." },
  since_other_log: { nl: 'Het eerdere controlepunt hoort bij een andere kiosk.', en: 'The earlier checkpoint belongs to another kiosk.' },
  since_newer: { nl: 'Het eerdere controlepunt is groter dan dit bestand: het logboek is ingekort.', en: 'The earlier checkpoint is larger than this bundle: the log was cut back.' },
  no_consistency_proof: { nl: 'Het bestand bevat geen bewijs vanaf het eerdere controlepunt; exporteer opnieuw met --since.', en: 'The bundle holds no proof from the earlier checkpoint; export again with --since.' },
  inconsistent: { nl: 'De geschiedenis is herschreven: het logboek sluit niet aan op het eerdere controlepunt.', en: 'History was rewritten: the log does not extend the earlier checkpoint.' },
  witness_key_invalid: { nl: 'De opgegeven sleutel van de getuige is ongeldig.', en: "The witness's verifier key given is not valid." },
  no_cosignature: { nl: 'Het controlepunt draagt geen medeondertekening van deze getuige.', en: 'The checkpoint carries no cosignature of this witness.' },
  bad_cosignature: { nl: 'De medeondertekening van de getuige klopt niet.', en: "The witness's cosignature does not verify." },
  cosignature_future: { nl: 'De medeondertekening van de getuige is gedateerd in de toekomst.', en: "The witness's cosignature is dated in the future." },
} as const satisfies Record<string, { nl: string; en: string }>;

export type BundleReason = keyof typeof bundleReasons;
