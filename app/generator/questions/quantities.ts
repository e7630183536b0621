/**
 * Distractors for "when" and "how many / how long" items, made by changing the number and keeping its
 * grammar: Arabic numerals 3–10 take the opposite gender of the counted noun («ثلاثة أيام», «ثلاث ساعات»)
 * and a plural noun; a dual («ساعتين») becomes a counted plural; digits become other plausible values; a
 * date moves by days or a month.
 */
import { normalizeLetters } from '../text/normalize'
import { COUNTED_NOUNS as UNITS, ORDINALS, type CountedNoun as Unit } from '../text/words'

/** The tens 20–90, in the genitive/accusative («عشرين») and the nominative («عشرون»). */
const TENS: Array<[string, string]> = [
  ['عشرين', 'عشرون'], ['ثلاثين', 'ثلاثون'], ['أربعين', 'أربعون'], ['خمسين', 'خمسون'],
  ['ستين', 'ستون'], ['سبعين', 'سبعون'], ['ثمانين', 'ثمانون'], ['تسعين', 'تسعون'],
]

/** Numerals 3–10 as they go with a masculine noun (index 0 = three); a feminine noun drops the ة. */
const WITH_MASCULINE = ['ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة']
const WITH_FEMININE = ['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع', 'عشر']

const key = (s: string) => normalizeLetters(s).replace(/ه$/, '')

/** `x` written in the digits of `like`: Arabic-Indic (٠–٩) when `like` uses them, else ASCII. */
function writeLike(like: string, x: number): string {
  return /[\u0660-\u0669]/.test(like) ? String(x).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))) : String(x)
}

/** Index of a numeral 3–10 in masculine-noun form (0–7) or feminine-noun form (8–15), or −1. */
function numberIndex(word: string): number {
  const w = normalizeLetters(word)
  return [...WITH_MASCULINE, ...WITH_FEMININE].findIndex((x) => normalizeLetters(x) === w)
}

function unitOf(word: string): Unit | null {
  const w = key(word.replace(/^[وفبل](?=..)/, ''))
  return (
    UNITS.find((u) => key(u.singular) === w || key(u.plural) === w) ??
    UNITS.find((u) => key(u.singular) === key(word) || key(u.plural) === key(word)) ??
    null
  )
}

function numeral(n: number, u: Unit): string {
  return `${(u.gender === 'm' ? WITH_MASCULINE : WITH_FEMININE)[n - 3]} ${u.plural}`
}

/**
 * Three distractors for a quantity phrase, or null when the phrase is not understood.
 * @param phrase e.g. «ساعتين», «نحو ساعتين», «ثلاثة أيام», «74 دقيقة», «أكثر من أربع ساعات».
 * @example quantityDistractors('مرتين') // ['ثلاث مرات', 'أربع مرات', 'خمس مرات']
 */
export function quantityDistractors(phrase: string): string[] | null {
  const words = phrase.trim().split(/\s+/)
  // an ordinal after its noun: «الجولة السابعة» → the neighbouring ordinals of the same gender
  const last = words[words.length - 1]!
  const ord = ORDINALS.findIndex((pair) => pair.includes(last))
  if (ord >= 0 && words.length <= 2) {
    const g = ORDINALS[ord]!.indexOf(last)
    const head = words.length === 2 ? `${words[0]} ` : ''
    return [ord + 1, ord - 1, ord + 2, ord - 2, ord + 3]
      .filter((x) => x >= 0 && x < ORDINALS.length)
      .slice(0, 3)
      .map((x) => `${head}${ORDINALS[x]![g]}`)
  }
  const qualifier = /^(?:نحو|حوالي|قرابة|زهاء)$/.test(words[0]!) ? `${words[0]} ` : /^(?:أكثر|اكثر|أقل)$/.test(words[0]!) && words[1] === 'من' ? `${words[0]} من ` : ''
  const rest = words.slice(qualifier ? qualifier.trim().split(' ').length : 0)
  if (rest.length === 1 && numberIndex(rest[0]!) >= 0) {
    // a numeral standing alone before «من …»: «خمسة من هذه الصواريخ»
    const i = numberIndex(rest[0]!)
    const list = i < 8 ? WITH_MASCULINE : WITH_FEMININE
    const n = (i % 8) + 3
    const picks = [n + 1, n - 1, n + 2, n - 2, n + 3, n - 3].filter((x) => x >= 3 && x <= 10).slice(0, 3)
    return picks.length === 3 ? picks.map((x) => `${qualifier}${list[x - 3]}`) : null
  }
  if (rest.length === 1 && /^[0-9\u0660-\u0669]+$/.test(rest[0]!)) {
    // a bare number before «من …»: «١٥٠ من النساء»
    const v = Number(normalizeLetters(rest[0]!))
    const pool = [...new Set([Math.round(v * 1.5), Math.round(v / 2), v * 2, v + 10])].filter((x) => x > 0 && x !== v).slice(0, 3)
    return pool.length === 3 ? pool.map((x) => `${qualifier}${writeLike(rest[0]!, x)}`) : null
  }
  if (rest.length === 1) {
    // a dual: «ساعتين», «مرتين», «صاروخين»
    const w = normalizeLetters(rest[0]!)
    const stem = w.replace(/(?:تين|تان)$/, '').replace(/(?:ين|ان)$/, '')
    const u = unitOf(stem) ?? unitOf(`${stem}ة`)
    if (!u) return null
    return [3, 4, 5].map((n) => `${qualifier}${numeral(n, u)}`)
  }
  const [num, noun] = [rest[0]!, rest[1] ?? '']
  // a percentage: «60 في المئة» → other percentages under 100
  if (/^[0-9\u0660-\u0669]+$/.test(num) && noun === 'في' && /^الم(?:ئ|ائ)ة$/.test(rest[2] ?? '')) {
    const v = Number(normalizeLetters(num))
    const others = [...new Set([v - 20, v + 20, v - 40, v + 10, v - 10].filter((x) => x > 0 && x < 100 && x !== v))].slice(0, 3)
    if (others.length !== 3) return null
    const write = (x: number) => writeLike(num, x)
    return others.map((x) => `${qualifier}${write(x)} ${rest.slice(1).join(' ')}`)
  }
  // compound numbers 11–19: «اثنتي عشرة نقطة» (feminine noun: ten with ة), «ثلاثة عشر يوما» (masculine)
  if (/^(?:عشرة|عشر)$/.test(noun) && rest.length >= 3) {
    const feminine = noun === 'عشرة'
    const units = feminine ? ['إحدى', 'ثلاث', 'أربع', 'خمس', 'ست'] : ['أحد', 'ثلاثة', 'أربعة', 'خمسة', 'ستة']
    const own = normalizeLetters(num)
    const picks = units.filter((u) => normalizeLetters(u) !== own).slice(1, 4)
    return picks.map((u) => `${qualifier}${u} ${noun} ${rest.slice(2).join(' ')}`)
  }
  // tens: «عشرين دولة», «ثلاثون جنديا» → other tens in the same case
  const tens = TENS.findIndex((t) => t.some((f) => normalizeLetters(f) === normalizeLetters(num)))
  if (tens >= 0 && rest.length >= 2) {
    const form = TENS[tens]!.findIndex((f) => normalizeLetters(f) === normalizeLetters(num))
    const picks = [tens + 1, tens - 1, tens + 2, tens - 2, tens + 3].filter((x) => x >= 0 && x < TENS.length).slice(0, 3)
    return picks.map((x) => `${qualifier}${TENS[x]![form]} ${rest.slice(1).join(' ')}`)
  }
  // hundreds and thousands: «ألف كيلومتر», «مئة جندي»
  const big: Record<string, string[]> = {
    [normalizeLetters('ألف')]: ['خمسمئة', 'ألفي', 'ثلاثة آلاف'],
    [normalizeLetters('مئة')]: ['خمسين', 'مئتي', 'خمسمئة'],
    [normalizeLetters('مائة')]: ['خمسين', 'مئتي', 'خمسمئة'],
  }
  const alt = big[normalizeLetters(num)]
  if (alt && rest.length >= 2) return alt.map((a) => `${qualifier}${a} ${rest.slice(1).join(' ')}`)
  if (/^[0-9\u0660-\u0669]+$/.test(num)) {
    const value = Number(normalizeLetters(num))
    if (!Number.isFinite(value) || value <= 0) return null
    // 11 and more take a singular noun, 3–10 a plural: keep the alternatives on the key's side of 10
    const pool = [Math.round(value * 1.5), Math.round(value / 2), value * 2, value + 5, Math.round(value * 0.75), value + 10]
    // before «ألف» / «مليون» a count stays under a thousand («1000 ألف» is «مليون»)
    const scaled = /^(?:ألف|آلاف|مليون|ملايين|مليار)$/.test(rest[1] ?? '')
    const others = [...new Set(pool)]
      .filter((x) => x !== value && x > 0 && (value >= 11 ? x >= 11 : x <= 10 || value > 10) && (!scaled || x < 1000))
      .slice(0, 3)
    if (others.length !== 3) return null
    // the key's digits: Arabic-Indic stay Arabic-Indic
    const write = (x: number) => writeLike(num, x)
    return others.map((x) => `${qualifier}${write(x)} ${rest.slice(1).join(' ')}`.trim())
  }
  // percentages: «60 في المئة», «20%»
  const u = unitOf(noun)
  const i = numberIndex(num)
  if (u && i >= 0) {
    const n = (i % 8) + 3
    const picks = [n + 1, n - 1, n + 2, n - 2, n + 3, n - 3].filter((x) => x >= 3 && x <= 10).slice(0, 3)
    if (picks.length !== 3) return null
    const tail = rest.slice(2).join(' ')
    return picks.map((x) => `${qualifier}${numeral(x, u)}${tail ? ` ${tail}` : ''}`)
  }
  return null
}

const MONTH_PAIRS: Array<[string, string | null]> = [
  ['يناير', 'كانون الثاني'], ['فبراير', 'شباط'], ['مارس', 'آذار'], ['أبريل', 'نيسان'], ['مايو', 'أيار'],
  ['يونيو', 'حزيران'], ['يوليو', 'تموز'], ['أغسطس', 'آب'], ['سبتمبر', 'أيلول'], ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'], ['ديسمبر', 'كانون الأول'],
]

/**
 * The date part of a date mention without the weekday: «الاربعاء 13 سبتمبر/ أيلول 2023» → «13 سبتمبر/ أيلول
 * 2023», with its offset inside the mention (UTF-16).
 */
export function dateCore(mention: string): { text: string; offset: number } {
  const m = /[0-9\u0660-\u0669]/.exec(mention)
  return m ? { text: mention.slice(m.index), offset: m.index } : { text: mention, offset: 0 }
}

/**
 * Three distractor dates in the key's own format: the day moved by −1, +1 and +7 (within the month),
 * month names (and their Levantine pair) kept consistent.
 * @returns null when the date is not «day month …».
 */
export function dateDistractors(date: string): string[] | null {
  const m = /^([0-9\u0660-\u0669]{1,2})(\s+)(.*)$/.exec(date.trim())
  if (!m) return monthYearDistractors(date.trim())
  const day = Number(normalizeLetters(m[1]!))
  if (!(day >= 1 && day <= 31)) return null
  const shifts = [-1, 1, 7].map((d) => day + d).map((d) => (d < 1 ? d + 14 : d > 28 ? d - 14 : d))
  // the key's digits: Arabic-Indic stay Arabic-Indic
  const write = (x: number) => writeLike(m[1]!, x)
  const out = [...new Set(shifts)].filter((d) => d !== day).map((d) => `${write(d)}${m[2]}${m[3]}`)
  if (out.length === 3) return out
  // fall back to the next months
  const month = MONTH_PAIRS.findIndex(([a]) => m[3]!.startsWith(a))
  if (month < 0) return null
  return [1, 2, 3].map((k) => `${write(day)}${m[2]}${MONTH_PAIRS[(month + k) % 12]![0]}`)
}

/**
 * Distractors for a month and year without a day («أيار/مايو 2018»): the year moved by −1, +1 and +2,
 * written as the key writes it.
 */
function monthYearDistractors(date: string): string[] | null {
  const m = /^(.*?)([0-9\u0660-\u0669]{4})$/.exec(date)
  if (!m) return null
  const year = Number(normalizeLetters(m[2]!))
  return [-1, 1, 2].map((d) => `${m[1]}${writeLike(m[2]!, year + d)}`)
}
