/**
 * Word tokens with offsets, light stemming and transliteration skeletons.
 *
 * Decision (evidence in ARABIC-NOTES.md): no npm package stems or segments Arabic well enough to rely
 * on — Snowball Arabic cuts letters off names («فلاديمير»→«لاديمير», «بكين»→«كين») and leaves «و+ال»;
 * `lunr.ar` and `arabic-stem` return roots and over-conflate. So light stemming is our own, in the spirit
 * of Larkey, Ballesteros & Connell's Light10 (SIGIR 2002; "Light stemming for Arabic information
 * retrieval", 2007): proclitics و ف + ب ك ل + ال / لل, suffixes ها ان ات ون ين يه ية ه ة ي plus the
 * enclitics هم هما كم نا, minimum stem of three letters. Instead of one stem we return every candidate,
 * most specific first, so that a lexicon lookup can prefer the candidate it attests (keeps «بكين» whole,
 * gives «لروسيا» → «روسيا», «للأقمار» → «اقمار»).
 */
import { normalizeLetters } from './normalize'

/** A word token: UTF-16 offsets `[start, end)` into the raw text and its normalised form. */
export interface Token {
  start: number
  end: number
  /** The raw surface, `raw.slice(start, end)`. */
  text: string
  /** {@link normalizeLetters} of the surface, with a tanwin-fath alef ending («صاروخاً») removed. */
  norm: string
}

const WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+(?:[-‐‑][\p{L}\p{M}\p{N}]+)*/gu

/**
 * Tokenises `text[from, to)` into words. Hyphenated runs stay one token («شاهد-136», «IRIS-T»,
 * «سوك-يول»); tashkeel, tatweel and ZWNJ stay inside tokens (normalised away in `norm`).
 * @returns tokens in text order; never throws.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = []
  const slice = text.slice(from, to)
  WORD.lastIndex = 0
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const surface = m[0]
    let norm = normalizeLetters(surface)
    // Accusative tanwin written on (or before) a final alef: «صاروخاً», «باليستياً».
    if (/(?:\u064B\u0627|\u0627\u064B)$/.test(surface) && norm.length > 3) norm = norm.slice(0, -1)
    if (!norm) continue
    out.push({ start: from + m.index, end: from + m.index + surface.length, text: surface, norm })
  }
  return out
}

const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال']
const SINGLE = ['ب', 'ك', 'ل']
const CONJ = ['و', 'ف']
const SUFFIXES = ['هما', 'ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'هم', 'كم', 'نا', 'ه', 'ي']
const MIN_STEM = 3

/**
 * Light-stemming candidates of a normalised token, most specific first, without duplicates and without
 * the definite article. The first candidate is the token minus only «ال»/conjunctions where present.
 * @param norm a token's `norm`.
 * Every single-suffix strip is listed (not only the longest), so «بالستيه» and «بالستيين» share «بالستي».
 * @param proclitics strip proclitics too (article tokens); false for lexicon forms, which are written
 *   without them, so that only the article is removed.
 * @returns 1+ candidates; all have at least {@link MIN_STEM} letters except the token itself.
 * @example stemCandidates('والغواصات') // ['غواصات', 'والغواصات', …, 'غواص', 'غواصه', …]
 */
export function stemCandidates(norm: string, proclitics = true): string[] {
  const out: string[] = []
  const add = (s: string) => {
    if (s && !out.includes(s)) out.push(s)
  }
  // A lexicon entry is written without proclitics: only its article may go («كالاس» is not «ك+ال+اس»).
  const bases = proclitics ? cliticBases(norm) : norm.startsWith('ال') && norm.length > 4 ? [norm.slice(2), norm] : [norm]
  for (const b of bases) add(b)
  for (const b of bases) {
    for (const suf of SUFFIXES) {
      if (b.endsWith(suf) && b.length - suf.length >= MIN_STEM) {
        const stem = b.slice(0, -suf.length)
        add(stem)
        // dual/plural of a teh-marbuta noun: «مضادتين» → «مضاده»
        if (suf === 'ين' || suf === 'ان' || suf === 'ات') add(`${stem}ه`)
      }
    }
  }
  return out
}

/**
 * The token with its proclitics removed in each way Light10 allows (conjunction, preposition, article),
 * no suffix stripped; the token itself is always included.
 * @param norm a token's `norm`.
 */
export function cliticBases(norm: string): string[] {
  const bases: string[] = []
  const addBase = (s: string) => {
    if (!bases.includes(s)) bases.push(s)
  }
  for (const p of PREFIXES) {
    if (norm.startsWith(p) && norm.length - p.length >= 2) {
      addBase(norm.slice(p.length))
      break
    }
  }
  addBase(norm)
  if (CONJ.some((c) => norm.startsWith(c)) && norm.length - 1 >= MIN_STEM) {
    const rest = norm.slice(1)
    for (const p of PREFIXES) if (rest.startsWith(p) && rest.length - p.length >= 2) addBase(rest.slice(p.length))
    addBase(rest)
    for (const s of SINGLE) if (rest.startsWith(s) && rest.length - 1 >= MIN_STEM) addBase(rest.slice(1))
  }
  for (const s of SINGLE) if (norm.startsWith(s) && norm.length - 1 >= MIN_STEM) addBase(norm.slice(1))
  return bases
}

/**
 * Transliteration skeleton of a normalised token, for merging spelling variants of foreign names
 * (ARABIC-NOTES.md): غ ج ق ك گ → one class, medial long vowels ا و ي dropped, doubled letters folded,
 * hyphens and spaces dropped. Merges جونج/جونغ, فلاديمير/فلادمير, بالستي/باليستي; keeps شويغو/لافروف and
 * بوتين/تيخونوف apart.
 * @returns the skeleton; may be shorter than 3 letters for short names (callers then compare exactly).
 */
export function skeleton(norm: string): string {
  const s = norm.replace(/[-‐‑\s]/g, '').replace(/[غجقكگ]/g, 'G').replace(/ه$/, '')
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (i > 0 && i < s.length - 1 && (c === 'ا' || c === 'و' || c === 'ي')) continue
    if (out.endsWith(c)) continue
    out += c
  }
  return out
}

/** Function words and frequent verbs that never belong to a name; normalised (see {@link normalizeLetters}). */
export const FUNCTION_WORDS = new Set(
  [
    'في', 'من', 'الى', 'إلى', 'على', 'عن', 'مع', 'ان', 'أن', 'إن', 'لن', 'لم', 'ما', 'لا', 'قد', 'و', 'او', 'أو',
    'ثم', 'بين', 'بعد', 'قبل', 'حتى', 'منذ', 'عند', 'لدى', 'كل', 'كافة', 'هذا', 'هذه', 'ذلك', 'تلك', 'الذي',
    'التي', 'الذين', 'هو', 'هي', 'هم', 'هما', 'انه', 'أنه', 'إنه', 'انها', 'أنها', 'كما', 'لكن', 'لكن', 'بل',
    'اذا', 'إذا', 'لو', 'كان', 'كانت', 'يكون', 'تكون', 'ليس', 'قال', 'قالت', 'يقول', 'تقول', 'اكد', 'أكد',
    'اكدت', 'أكدت', 'اعلن', 'أعلن', 'اعلنت', 'أعلنت', 'اضاف', 'أضاف', 'اضافت', 'أضافت', 'تابع', 'حذر', 'حذرت',
    'وقال', 'وقالت', 'واضاف', 'وأضاف', 'وتابع', 'واكد', 'وأكد', 'بان', 'بأن', 'لان', 'لأن', 'حيث', 'حين',
    'عندما', 'بينما', 'فيما', 'خلال', 'اليوم', 'يوم', 'امس', 'أمس', 'ايضا', 'أيضا', 'جدا', 'نحو', 'حوالي',
    'بحسب', 'حسب', 'حسبما', 'وفق', 'وفقا', 'عبر', 'ضد', 'دون', 'غير', 'سوى', 'بشأن', 'لدى', 'اي', 'أي',
    'احد', 'أحد', 'احدى', 'إحدى', 'الى', 'فقط', 'رغم', 'برغم', 'وهو', 'وهي', 'انهم', 'أنهم', 'يذكر', 'الا',
    'إلا', 'كذلك', 'لذلك', 'نظيره', 'ضيفه', 'بلاده', 'رئيس', 'الرئيس', 'وزير', 'زعيم', 'الزعيم',
  ].map((w) => normalizeLetters(w)),
)
