import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 5/S or 2/Z: codes are read aloud and copied by hand in the field.
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
const DATA_LENGTH = 6;

/** A short code for the registration card: 6 random characters and a check character, as `ABC-DEF-G`. */
export function generatePersonCode(): string {
  let data = '';
  for (let i = 0; i < DATA_LENGTH; i += 1) data += ALPHABET[randomInt(ALPHABET.length)];
  return formatCode(data + checkCharacter(data));
}

/**
 * Luhn mod N over the alphabet: catches every single-character error and every swap of two
 * adjacent characters, the two mistakes people make when copying a code.
 */
export function checkCharacter(data: string): string {
  const n = ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i -= 1) {
    const codePoint = ALPHABET.indexOf(data[i]!);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return ALPHABET[(n - (sum % n)) % n]!;
}

export function normalisePersonCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== DATA_LENGTH + 1 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  const data = compact.slice(0, DATA_LENGTH);
  if (checkCharacter(data) !== compact[DATA_LENGTH]) return null;
  return formatCode(compact);
}

function formatCode(compact: string): string {
  return `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}`;
}
