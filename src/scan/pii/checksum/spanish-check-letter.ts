const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * The check letter of a Spanish DNI/NIE number: `TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]`. For a NIE the
 * caller first replaces the X/Y/Z prefix by 0/1/2.
 */
export function spanishCheckLetter(n: number): string {
  return LETTERS.charAt(n % 23);
}
