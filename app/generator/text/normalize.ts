/**
 * Arabic normalisation for matching: the one normaliser of the project.
 *
 * Surface (what is shown) and key (what is compared) are kept apart: these functions produce keys and
 * never change the stored text. Rules follow CAMeL Tools' conventions (Obeid et al., LREC 2020,
 * `camel_tools.utils.dediac.dediac_ar`, `normalize.normalize_alef_ar`, `normalize_alef_maksura_ar`,
 * `normalize_teh_marbuta_ar`), plus tatweel, digits, invisible marks and NFKC:
 *
 * | rule | from | deliberate merges |
 * | --- | --- | --- |
 * | NFKC | presentation forms (U+FB50–FDFF, U+FE70–FEFF) → base letters | ligatures such as ﻻ → لا |
 * | invisible marks | ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings/isolates, soft hyphen, BOM → removed | — |
 * | dediac | tashkeel (fatha … sukun, shadda, tanwin, superscript alef, Quranic marks) → removed | vocalised and bare forms |
 * | tatweel | U+0640 → removed | — |
 * | alef | أ إ آ ٱ → ا | أن/إن/آن (particles and the name «آن») — callers must not link names by such tokens |
 * | alef maksura | ى → ي | على/علي |
 * | teh marbuta | ة → ه | «-ة» and «-ه» endings (e.g. «قاعدة»/«قاعده») |
 * | Persian letters | ی → ي, ک → ك | — |
 * | digits | Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9 | — |
 * | whitespace | any run of white space → one space, trimmed | — |
 *
 * The function is idempotent: `normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)`.
 */

const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
/** Tashkeel and Quranic annotation marks (Unicode Arabic block); kept apart from letters. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g
const TATWEEL = /\u0640/g
const ALEF = /[\u0622\u0623\u0625\u0671]/g
const DIGIT_MAP: Record<string, string> = {}
for (let i = 0; i < 10; i++) {
  DIGIT_MAP[String.fromCharCode(0x0660 + i)] = String(i)
  DIGIT_MAP[String.fromCharCode(0x06f0 + i)] = String(i)
}
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g

/**
 * Normalises Arabic text for matching (see the module header for every rule and its source).
 * @param text any string, including lone surrogates (kept as they are).
 * @returns the matching key; never throws.
 * @example normalizeArabic('فلاديمير بوتينَ') // 'فلاديمير بوتين'
 */
export function normalizeArabic(text: string): string {
  return normalizeLetters(text).replace(/\s+/g, ' ').trim()
}

/**
 * Characters for which NFKC can change the text: anything outside ASCII and the Arabic block, plus the
 * Arabic block's combining hamza / madda (composed by NFC) and its compatibility high-hamza letters.
 */
const NEEDS_NFKC = /[^\u0000-\u007F\u0600-\u0652\u0656-\u0674\u0679-\u06FF]/

/** A bounded memo: normalisation is pure and the same words recur thousands of times per article. */
function memo(fn: (s: string) => string, limit = 20000): (s: string) => string {
  let cache = new Map<string, string>()
  return (s: string) => {
    const hit = cache.get(s)
    if (hit !== undefined) return hit
    const out = fn(s)
    if (cache.size >= limit) cache = new Map()
    cache.set(s, out)
    return out
  }
}

/**
 * The letter-level part of {@link normalizeArabic} without white-space folding; the output may be shorter
 * than the input (removed marks), so do not use it to compute offsets.
 */
export const normalizeLetters: (text: string) => string = memo(normalizeLettersUncached)

function normalizeLettersUncached(text: string): string {
  return (NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text)
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(ALEF, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u06CC/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(DIGITS, (d) => DIGIT_MAP[d] ?? d)
}

/**
 * Normalisation for display comparison of options and answers: {@link normalizeArabic}, then Latin case
 * folding and removal of punctuation and quotes («» "" “” ، . - etc.) so that «شاهد-136» and «شاهد 136»
 * compare equal.
 * @returns a key with single spaces between words.
 */
export const normalizeAnswer: (text: string) => string = memo(normalizeAnswerUncached)

function normalizeAnswerUncached(text: string): string {
  return normalizeArabic(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** True when the string holds at least one Arabic letter (U+0621–U+064A, U+0671–U+06D3). */
export function hasArabicLetter(text: string): boolean {
  return /[\u0621-\u064A\u0671-\u06D3]/.test(text)
}
