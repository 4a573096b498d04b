/**
 * The Snowball English ("Porter2") stemmer, as Postgres's english_stem dictionary runs it on a
 * lowercased word. Written from the published algorithm description: exceptional forms, regions
 * R1/R2 (with the gener/commun/arsen prefixes), steps 0, 1a, 1b (no undoubling after a leading
 * a/e/o: add, ebb), 1c, 2, 3, 4, 5; each step takes
 * the longest matching suffix and then checks that suffix's condition (a failed condition means
 * no change, not a shorter suffix).
 *
 * Postgres counterpart: src/backend/snowball/libstemmer/stem_UTF_8_english.c (generated from
 * Snowball's english.sbl), called by dict_snowball.c.
 */

const EXCEPTIONS1: ReadonlyMap<string, string> = new Map(Object.entries({
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli',
  early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas',
  cosmos: 'cosmos', bias: 'bias', andes: 'andes',
}));
const EXCEPTIONS2 = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const isVowel = (c: string | undefined): boolean => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const LI_ENDING = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

/** Start of the region after the first non-vowel following a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

/** Whether the word ends in a short syllable (before position `end`). */
function endsShortSyllable(w: string, end: number): boolean {
  // (a) non-vowel, vowel, non-vowel other than w, x, Y at the end; (b) vowel + non-vowel as the whole word.
  if (end >= 3) {
    const c1 = w[end - 3];
    const c2 = w[end - 2];
    const c3 = w[end - 1];
    if (!isVowel(c1) && isVowel(c2) && !isVowel(c3) && c3 !== 'w' && c3 !== 'x' && c3 !== 'Y') return true;
  }
  if (end === 2 && isVowel(w[0]) && !isVowel(w[1])) return true;
  return false;
}

/** Longest suffix of `w` among `list` (sorted longest first by the caller's data). */
function longestSuffix(w: string, list: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const s of list) if (w.endsWith(s) && (!best || s.length > best.length)) best = s;
  return best;
}

const STEP2: Readonly<Record<string, string>> = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
  fulli: 'ful', lessli: 'less', li: '',
};
const STEP2_KEYS = Object.keys(STEP2);
const STEP3: Readonly<Record<string, string>> = {
  tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '',
};
const STEP3_KEYS = Object.keys(STEP3);
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

/** Stems one lowercased word. */
export function englishStem(word: string): string {
  const ex = EXCEPTIONS1.get(word);
  if (ex !== undefined) return ex;
  if ([...word].length < 3) return word;
  let w = word;
  if (w[0] === "'") w = w.slice(1);

  // Mark consonant y as Y.
  let chars = w.split('');
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 1; i < chars.length; i++) if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
  w = chars.join('');

  let r1: number;
  if (w.startsWith('gener') || w.startsWith('arsen')) r1 = 5;
  else if (w.startsWith('commun')) r1 = 6;
  else r1 = regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffixLen: number) => w.length - suffixLen >= r1;
  const inR2 = (suffixLen: number) => w.length - suffixLen >= r2;
  const hasVowelBefore = (end: number) => {
    for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  };

  // Step 0.
  const s0 = longestSuffix(w, ["'s'", "'s", "'"]);
  if (s0) w = w.slice(0, -s0.length);

  // Step 1a.
  const s1a = longestSuffix(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (s1a === 'sses') w = w.slice(0, -2);
  else if (s1a === 'ied' || s1a === 'ies') w = w.slice(0, -3) + (w.length - 3 > 1 ? 'i' : 'ie');
  else if (s1a === 's') {
    // Delete if the part before the s (excluding the letter just before it) contains a vowel.
    if (hasVowelBefore(w.length - 2)) w = w.slice(0, -1);
  }

  if (EXCEPTIONS2.has(w)) return w;

  // Step 1b.
  const s1b = longestSuffix(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (inR1(s1b.length)) w = w.slice(0, -s1b.length) + 'ee';
  } else if (s1b) {
    const stem = w.length - s1b.length;
    if (hasVowelBefore(stem)) {
      w = w.slice(0, stem);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (DOUBLES.has(w.slice(-2))) {
        // Not after a, e or o at the start of the word (add, ebb, off stay).
        if (!(w.length === 3 && 'aeo'.includes(w[0]))) w = w.slice(0, -1);
      } else if (r1 === w.length && endsShortSyllable(w, w.length)) w += 'e';
    }
  }

  // Step 1c.
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2.
  const s2 = longestSuffix(w, STEP2_KEYS);
  if (s2 && inR1(s2.length)) {
    if (s2 === 'ogi') {
      if (w[w.length - 4] === 'l') w = w.slice(0, -3) + 'og';
    } else if (s2 === 'li') {
      if (LI_ENDING.has(w[w.length - 3])) w = w.slice(0, -2);
    } else w = w.slice(0, -s2.length) + STEP2[s2];
  }

  // Step 3.
  const s3 = longestSuffix(w, STEP3_KEYS);
  if (s3 && inR1(s3.length)) {
    if (s3 === 'ative') {
      if (inR2(5)) w = w.slice(0, -5);
    } else w = w.slice(0, -s3.length) + STEP3[s3];
  }

  // Step 4.
  const s4 = longestSuffix(w, STEP4);
  if (s4 && inR2(s4.length)) {
    if (s4 === 'ion') {
      const c = w[w.length - 4];
      if (c === 's' || c === 't') w = w.slice(0, -3);
    } else w = w.slice(0, -s4.length);
  }

  // Step 5.
  if (w.endsWith('e')) {
    if (inR2(1) || (inR1(1) && !endsShortSyllable(w, w.length - 1))) w = w.slice(0, -1);
  } else if (w.endsWith('l')) {
    if (inR2(1) && w[w.length - 2] === 'l') w = w.slice(0, -1);
  }

  return w.replace(/Y/g, 'y');
}
