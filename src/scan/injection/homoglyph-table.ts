/**
 * Letters from other scripts (and Latin look-alike forms NFKC leaves alone) that render like a
 * lower-case ASCII letter in common fonts. Written from the Unicode character names and shapes:
 * Cyrillic and Greek capitals and smalls that share a glyph with Latin, a few Armenian and
 * Cherokee letters, IPA and small-capital forms, negative circled and squared letters.
 * Fullwidth, mathematical and circled letters are not here: NFKC already maps them to ASCII.
 */
const SCRIPT_PAIRS = `
А a В b Е e К k М m Н h О o Р p С c Т t Х x У y Ѕ s І i Ј j Ԛ q Ԝ w Ү y Һ h Ӏ l
а a в b е e к k м m н h о o р p с c т t у y х x ѕ s і i ј j ԁ d ԛ q ԝ w ү y һ h ӏ l ғ f
Α a Β b Ε e Ζ z Η h Ι i Κ k Μ m Ν n Ο o Ρ p Τ t Υ y Χ x Ϲ c Ϳ j
α a ο o ρ p ν v ι i κ k τ t υ u χ x ϲ c ϳ j γ y ε e η n ω w
օ o ս u հ h ո n ց g զ q ա w
`;

// Latin-script look-alikes: no language writes whole words in them, so they always fold.
const LATIN_PAIRS = `
ɑ a ɡ g ı i ȷ j ɩ i ʟ l ɪ i ʀ r ʏ y ʜ h ɴ n ɢ g ʙ b ǀ l
ᴀ a ᴄ c ᴅ d ᴇ e ᴊ j ᴋ k ᴍ m ᴏ o ᴘ p ᴛ t ᴜ u ᴠ v ᴡ w ᴢ z ꜱ s ꞯ q
Ꭺ a Ᏼ b Ꮯ c Ꭰ d Ꭼ e Ꮐ g Ꮋ h Ꭻ j Ꮶ k Ꮮ l Ꮇ m Ꮲ p Ꮪ s Ꭲ t Ꮩ v Ꮃ w Ꮓ z
`;

function pairs(table: string): Map<number, string> {
  const map = new Map<number, string>();
  const parts = table.split(/\s+/).filter((p) => p.length > 0);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    map.set((parts[i] as string).codePointAt(0) as number, parts[i + 1] as string);
  }
  return map;
}

/** Cyrillic, Greek and Armenian confusables: folded only where the text or word is Latin. */
export const SCRIPT_CONFUSABLES: ReadonlyMap<number, string> = pairs(SCRIPT_PAIRS);

/** Latin look-alike forms: always folded. */
export const LATIN_CONFUSABLES: ReadonlyMap<number, string> = (() => {
  const map = pairs(LATIN_PAIRS);
  // Negative circled (U+1F150) and negative squared (U+1F170) capitals A–Z have no NFKC mapping.
  for (let k = 0; k < 26; k++) {
    map.set(0x1f150 + k, String.fromCharCode(0x61 + k));
    map.set(0x1f170 + k, String.fromCharCode(0x61 + k));
  }
  return map;
})();
