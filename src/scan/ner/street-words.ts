import { charTables } from './char-case.js';
import { WordMap } from './word-map.js';

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
  'straße', 'strasse', 'str', 'weg', 'gasse', 'allee', 'damm', 'ufer', 'chaussee', 'steig',
  'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dreef', 'steeg',
  'vej', 'gade', 'allé', 'stræde', 'plads', 'torv', 'vænge', 'vænget', 'vägen', 'väg', 'gatan',
  'gata', 'gränd', 'torget', 'veien', 'vei', 'gate', 'katu', 'tie', 'kuja', 'polku', 'tori',
  'utca', 'út', 'tér', 'körút', 'köz', 'u', 'ulica', 'cesta', 'ulice', 'náměstí',
];

/**
 * More street suffixes of the US postal standard ("Cedar Creek", "Philip Bypass"). Most are
 * ordinary words too, so they count only right after a house number ("500 Cedar Creek").
 */
const AFTER_NAME_WITH_NUMBER = [
  'annex', 'arcade', 'bayou', 'beach', 'bend', 'bluff', 'bluffs', 'bottom', 'branch', 'bridge',
  'brook', 'brooks', 'burg', 'bypass', 'camp', 'canyon', 'cape', 'center', 'centre', 'cliff',
  'cliffs', 'common', 'commons', 'corner', 'corners', 'course', 'courts', 'cove', 'coves', 'creek',
  'crest', 'crossing', 'crossroad', 'curve', 'dale', 'dam', 'divide', 'estate', 'estates',
  'extension', 'falls', 'ferry', 'field', 'fields', 'flat', 'flats', 'ford', 'fords', 'forest',
  'forge', 'fork', 'forks', 'fort', 'garden', 'gateway', 'glen', 'glens', 'green', 'greens',
  'harbor', 'harbors', 'harbour', 'haven', 'heights', 'hill', 'hills', 'hollow', 'inlet', 'island',
  'islands', 'isle', 'junction', 'junctions', 'key', 'keys', 'knoll', 'knolls', 'lake', 'lakes',
  'landing', 'light', 'lights', 'lock', 'locks', 'lodge', 'mall', 'manor', 'manors', 'meadow',
  'meadows', 'mill', 'mills', 'mission', 'motorway', 'mount', 'mountain', 'mountains', 'neck',
  'orchard', 'oval', 'overpass', 'park', 'parks', 'pass', 'passage', 'pine', 'pines', 'plain',
  'plains', 'point', 'points', 'port', 'ports', 'prairie', 'radial', 'ramp', 'ranch', 'rapid',
  'rapids', 'rest', 'ridge', 'ridges', 'river', 'route', 'run', 'shoal', 'shoals', 'shore',
  'shores', 'skyway', 'spring', 'springs', 'spur', 'spurs', 'squares', 'station', 'stravenue',
  'stream', 'summit', 'throughway', 'trace', 'track', 'trafficway', 'tunnel', 'underpass', 'union',
  'unions', 'valley', 'valleys', 'viaduct', 'view', 'views', 'village', 'villages', 'ville', 'vista',
  'wall', 'ways', 'well', 'wells', 'streets', 'roads', 'drives', 'lanes',
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

/** Street words before the name that are also ordinary lower-case words ("via", "place"). */
const BEFORE_NAME_AMBIGUOUS = ['via', 'place', 'route', 'passage', 'plaza', 'al', 'os', 'largo', 'cours', 'bd', 'av', 'str', 'voie', 'camino'];

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
  /** A street suffix only after a house number (see AFTER_NAME_WITH_NUMBER). */
  AFTER_NUMBER_ONLY: 32,
  /** A street word before the name that needs a capital to count ("Via Roma", not "2 via Rome"). */
  AMBIGUOUS_LOWER: 64,
} as const;

/** FNV-1a of the lower-cased word: the same hash the tokenizer gives its tokens. */
export function wordHash(word: string): number {
  const { lower } = charTables();
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (lower[word.charCodeAt(i)] as number), 0x01000193);
  return h;
}

let kinds: WordMap | undefined;

function buildKinds(): WordMap {
  const hashes: number[] = [];
  const bits: number[] = [];
  const add = (list: readonly string[], bit: number): void => {
    for (const w of list) {
      hashes.push(wordHash(w));
      bits.push(bit);
    }
  };
  add(AFTER_NAME, StreetKind.AFTER_NAME);
  add(BEFORE_NAME, StreetKind.BEFORE_NAME);
  add(UNIT, StreetKind.UNIT);
  add(PARTICLES, StreetKind.PARTICLE);
  add(DIRECTIONS, StreetKind.DIRECTION);
  add(AFTER_NAME_WITH_NUMBER, StreetKind.AFTER_NUMBER_ONLY);
  add(BEFORE_NAME_AMBIGUOUS, StreetKind.AMBIGUOUS_LOWER);
  return new WordMap(hashes, bits); // it ORs the bits of a word listed twice
}

/** The {@link StreetKind} bits of a token by its hash (0 for any other word). */
export function streetWordKind(hash: number): number {
  kinds ??= buildKinds();
  return kinds.get(hash);
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
