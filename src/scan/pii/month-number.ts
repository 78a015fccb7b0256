/**
 * Month names in English, German, French, Spanish, Italian, Portuguese and Dutch, with common
 * abbreviations: one line per month, January first, names separated by spaces.
 */
const NAMES = [
  'january jan januar jänner janvier enero gennaio janeiro januari',
  'february feb febr februar février fevrier févr fév febrero febbraio fevereiro februari',
  'march mar märz maerz mars marzo março marco maart mrt',
  'april apr avril avr abril abr aprile',
  'may mai mayo maggio maio mei',
  'june jun juni juin junio giugno junho',
  'july jul juli juillet juil julio luglio julho',
  'august aug août aout agosto augustus ago',
  'september sep sept septembre septiembre setiembre settembre setembro set',
  'october oct oktober okt octobre octubre ottobre outubro out',
  'november nov novembre noviembre novembro',
  'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro',
];

const BY_NAME: ReadonlyMap<string, number> = new Map(
  NAMES.flatMap((line, i) => line.split(' ').map((name) => [name, i + 1] as const)),
);

/** The month (1-12) a name or abbreviation stands for, case-insensitive, or `undefined`. */
export function monthNumber(name: string): number | undefined {
  return BY_NAME.get(name.toLowerCase());
}
