import { charTables } from './char-case.js';

// General knowledge of how streets are named, in the languages the gateway meets most. A street
// "type" word comes after the name in English, German, Dutch and the Nordic languages ("Glyn St",
// "Baker Street") and before it in the Romance languages, Polish and Greek ("Rue de Rivoli",
// "Via Roma", "ul. Marszałkowska"); German, Dutch, Nordic and Finnish glue it onto the name
// ("Hauptstraße", "Kalverstraat", "Koskikatu", "Præstevænget").

/** Street-type words that follow the name. */
const AFTER_NAME = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'lane', 'ln', 'drive',
  'dr', 'court', 'ct', 'place', 'pl', 'square', 'sq', 'terrace', 'ter', 'way', 'highway', 'hwy',
  'parkway', 'pkwy', 'crescent', 'cres', 'close', 'grove', 'row', 'alley', 'circle', 'cir', 'trail',
  'trl', 'path', 'walk', 'mews', 'gardens', 'loop', 'pike', 'plaza', 'expressway', 'freeway',
  'turnpike', 'causeway', 'wharf', 'quay', 'esplanade',
  'straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'damm', 'ufer', 'chaussee', 'steig',
  'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dreef', 'steeg',
  'vej', 'gade', 'allé', 'stræde', 'plads', 'torv', 'vænge', 'vænget', 'vägen', 'väg', 'gatan',
  'gata', 'gränd', 'torget', 'veien', 'vei', 'gate', 'katu', 'tie', 'kuja', 'polku', 'tori',
  'utca', 'út', 'tér', 'körút', 'köz', 'u', 'ulica', 'cesta', 'ulice', 'náměstí',
];

/** Street-type words that precede the name. */
const BEFORE_NAME = [
  'rue', 'avenue', 'av', 'boulevard', 'bd', 'chemin', 'impasse', 'allée', 'quai', 'cours', 'place',
  'route', 'passage', 'voie', 'via', 'viale', 'piazza', 'piazzale', 'corso', 'vicolo', 'largo',
  'strada', 'calle', 'avenida', 'avda', 'plaza', 'paseo', 'camino', 'carrer', 'carretera', 'ronda',
  'travesía', 'rua', 'travessa', 'estrada', 'alameda', 'praça', 'rodovia', 'ul', 'ulica', 'al',
  'aleja', 'plac', 'os', 'osiedle', 'str', 'odos', 'οδός', 'οδος', 'λεωφόρος', 'λεωφ', 'πλατεία',
];

/** Street-type endings glued onto the name ("Hauptstraße"); the name part must be 3+ letters. */
const GLUED = [
  'straße', 'strasse', 'weg', 'gasse', 'platz', 'allee', 'damm', 'ufer', 'straat', 'laan', 'plein',
  'gracht', 'kade', 'singel', 'dreef', 'steeg', 'vej', 'gade', 'vænget', 'vænge', 'stræde', 'plads',
  'torv', 'vägen', 'väg', 'gatan', 'gata', 'gränd', 'torget', 'veien', 'vei', 'katu', 'tie', 'kuja',
  'polku', 'tori', 'utca', 'körút',
];

/** Unit designators that may follow a street line ("Apt. 626", "Suite 203", "Floor 3"). */
const UNIT = [
  'apt', 'apartment', 'suite', 'ste', 'unit', 'floor', 'fl', 'flat', 'box', 'po', 'bldg', 'building',
  'room', 'rm', 'wohnung', 'whg', 'étage', 'etage', 'bus', 'postfach', 'piso', 'puerta', 'lgh',
  'interno', 'int', 'scala', 'psc', 'cmr', 'lot', 'block', 'bloc',
];

/** Lower-case words that may sit inside a street or city name ("Rue de Rivoli", "Frankfurt am Main"). */
const PARTICLES = [
  'de', 'la', 'le', 'les', 'du', 'des', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'van', 'von',
  'der', 'den', 'het', 'am', 'an', 'im', 'auf', 'sur', 'of', 'the', 'upon', 'al', 'el',
];

/** Compass points written after a street ("Main St NW"). */
const DIRECTIONS = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west'];

/** Kinds of street word, as bits of {@link streetWordKind}. */
export const StreetKind = {
  AFTER_NAME: 1,
  BEFORE_NAME: 2,
  UNIT: 4,
  PARTICLE: 8,
  DIRECTION: 16,
} as const;

/** FNV-1a of the lower-cased word: the same hash the tokenizer gives its tokens. */
function wordHash(word: string): number {
  const { lower } = charTables();
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (lower[word.charCodeAt(i)] as number), 0x01000193);
  return h;
}

let kinds: Map<number, number> | undefined;

function buildKinds(): Map<number, number> {
  const map = new Map<number, number>();
  const add = (list: readonly string[], bit: number): void => {
    for (const w of list) map.set(wordHash(w), (map.get(wordHash(w)) ?? 0) | bit);
  };
  add(AFTER_NAME, StreetKind.AFTER_NAME);
  add(BEFORE_NAME, StreetKind.BEFORE_NAME);
  add(UNIT, StreetKind.UNIT);
  add(PARTICLES, StreetKind.PARTICLE);
  add(DIRECTIONS, StreetKind.DIRECTION);
  return map;
}

/** The {@link StreetKind} bits of a token by its hash (0 for any other word). */
export function streetWordKind(hash: number): number {
  kinds ??= buildKinds();
  return kinds.get(hash) ?? 0;
}

/** True when text[start, end) is one word ending in a glued street type ("Koskikatu"). */
export function hasGluedStreetEnding(text: string, start: number, end: number): boolean {
  const { lower } = charTables();
  for (const suffix of GLUED) {
    const from = end - suffix.length;
    if (from - start < 3) continue;
    let k = 0;
    while (k < suffix.length && lower[text.charCodeAt(from + k)] === suffix.charCodeAt(k)) k++;
    if (k === suffix.length) return true;
  }
  return false;
}
