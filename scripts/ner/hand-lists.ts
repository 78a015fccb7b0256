// Small hand-written word lists (not name lists): honorifics, street and unit words, legal-form
// suffixes of organisations, in the languages of the training data and a few more.

export const TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady', 'rev',
  'herr', 'frau', 'fräulein', 'mme', 'mlle', 'monsieur', 'madame', 'mevrouw', 'meneer', 'dhr',
  'mevr', 'señor', 'señora', 'sr', 'sra', 'srta', 'dott', 'sig', 'signora', 'jr', 'sr',
];

export const STREET_WORDS = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'lane', 'ln', 'drive',
  'dr', 'court', 'ct', 'place', 'pl', 'square', 'sq', 'terrace', 'way', 'highway', 'hwy', 'parkway',
  'pkwy', 'crescent', 'close', 'grove', 'row', 'alley', 'circle', 'trail', 'route', 'path', 'walk',
  'straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'ring', 'damm', 'ufer', 'chaussee',
  'rue', 'chemin', 'impasse', 'allée', 'quai', 'cours', 'passage', 'voie',
  'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dreef', 'steeg',
  'calle', 'avenida', 'plaza', 'paseo', 'camino', 'carrer', 'rua', 'travessa', 'estrada', 'via',
  'viale', 'piazza', 'corso', 'vicolo', 'gatan', 'vägen', 'gade', 'vej', 'vei', 'veien', 'gata',
  'katu', 'tie', 'ulica', 'ul', 'utca', 'út',
];

export const ADDRESS_UNITS = [
  'apt', 'apartment', 'suite', 'ste', 'unit', 'floor', 'fl', 'box', 'po', 'p.o', 'psc', 'cmr',
  'dpo', 'apo', 'fpo', 'bldg', 'building', 'room', 'wohnung', 'étage', 'bus', 'postfach',
];

export const ORG_SUFFIXES = [
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co',
  'company', 'group', 'holdings', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'e.v', 'sa', 'sas', 'sarl',
  'sàrl', 'bv', 'nv', 'vof', 'srl', 'spa', 's.p.a', 'ab', 'as', 'asa', 'oy', 'oyj', 'aps', 'kft',
  'sp', 'zoo', 'pty', 'pvt', 'associates', 'partners', 'foundation', 'institute', 'university',
  'bank', 'agency', 'ministry', 'department', 'council', 'association', 'society', 'club',
];

/** Words that open or fill prompts capitalised but name no one: weekdays, months, courtesies. */
export const COMMON_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'please', 'thanks', 'thank', 'hello', 'hi', 'hey', 'yes', 'no', 'okay', 'ok',
  'sure', 'sorry', 'regards', 'cheers', 'input', 'output', 'answer', 'question', 'example', 'note',
];
