/**
 * Stem templates: Arabic questions built from the sentence's own predicate (the verb and what it governs),
 * so the stem reads as the article's wording turned into a question.
 *
 * - who  — «من الذي + verb (+ prepositional phrase) + rest of the clause؟» for a person or organisation
 *   that is the verb's subject (VSO order, the usual order of Arabic news prose);
 * - where — «أين + clause before "في <place>"؟», or «أين + clause؟» for a fronted «وفي <place>، clause»;
 * - weapon — «ماذا + verb + subject + adverbs؟» when the weapon is the direct object, or «ما الذي + clause +
 *   preposition with the resumptive pronoun ه؟» («للحصول على قذائف» → «للحصول عليه»).
 * Where no template fits, the caller falls back to cloze.
 */
import type { Token } from '../text/tokens'
import { normalizeLetters } from '../text/normalize'

const n = (w: string) => normalizeLetters(w)

/** Verbs of speech and of events common in news prose (normalised, without conjunction). */
export const KNOWN_VERBS = new Set(
  [
    'قال', 'قالت', 'أكد', 'أكدت', 'حذر', 'حذرت', 'أعلن', 'أعلنت', 'تعهد', 'تعهدت', 'أضاف', 'أضافت', 'أوضح', 'أوضحت',
    'صرح', 'صرحت', 'شدد', 'شددت', 'أشار', 'أشارت', 'أشاد', 'أشادت', 'اعتبر', 'اعتبرت', 'دعا', 'دعت', 'نفى', 'نفت',
    'وصف', 'وصفت', 'تابع', 'ذكر', 'ذكرت', 'رأى', 'يرى', 'يقول', 'تقول', 'يعتقد', 'تعتقد', 'استقبل', 'استقبلت',
    'التقى', 'التقت', 'انضم', 'انضمت', 'زار', 'زارت', 'وصل', 'وصلت', 'أطلق', 'أطلقت', 'أجرى', 'أجرت', 'عقد',
    'عقدت', 'وقع', 'وقعت', 'فرض', 'فرضت', 'سلم', 'سلمت', 'أرسل', 'أرسلت', 'شكر', 'شكرت', 'رافق', 'رافقت', 'غادر',
    'غادرت', 'توجه', 'توجهت', 'اتهم', 'اتهمت', 'أدان', 'أدانت', 'أدانا', 'بحث', 'بحثت', 'ناقش', 'ناقشت', 'هاجم',
    'هاجمت', 'قصف', 'قصفت', 'أسقط', 'أسقطت', 'اختبر', 'اختبرت', 'أشرف', 'أشرفت', 'شارك', 'شاركت', 'حضر', 'حضرت',
    'ترأس', 'ترأست', 'انتهت', 'انتهى', 'بدأ', 'بدأت', 'استمر', 'استمرت', 'تعرضت', 'تعرض', 'فشلت', 'فشل', 'تسعى',
    'يسعى', 'سعى', 'سعت', 'أصدر', 'أصدرت', 'هدد', 'هددت', 'طالب', 'طالبت', 'رفض', 'رفضت', 'قرر', 'قررت', 'أعرب',
    'أعربت', 'كشف', 'كشفت', 'نشر', 'نشرت', 'بث', 'بثت', 'أظهر', 'أظهرت', 'أجرت', 'استضاف', 'استضافت', 'اجتمع',
    'اجتمعت', 'تبادل', 'وقّع', 'أبرم', 'أبرمت', 'منح', 'منحت', 'زود', 'زودت', 'سلّم', 'تسلم', 'تسلمت', 'أسفر',
    'أسفرت', 'قتل', 'قتلت', 'أصاب', 'أصابت', 'ضرب', 'ضربت', 'استهدف', 'استهدفت', 'يستهدف', 'تستهدف', 'أكد',
  ].map(n),
)

/** Verbs of saying: their complement clause is the speaker's claim, not the main event. */
const SPEECH = new Set(
  ['قال', 'قالت', 'أكد', 'أكدت', 'حذر', 'حذرت', 'أعلن', 'أعلنت', 'أضاف', 'أضافت', 'أوضح', 'أوضحت', 'صرح', 'صرحت', 'شدد', 'شددت', 'أشار', 'أشارت', 'اعتبر', 'اعتبرت', 'ذكر', 'ذكرت', 'تابع', 'يرى', 'يعتقد', 'يقول', 'تقول'].map(n),
)
/** Complementisers and relative pronouns that open a subordinate clause. */
const COMPLEMENTISERS = new Set(['أن', 'إن', 'أنه', 'إنه', 'أنها', 'إنها', 'بأن', 'الذي', 'التي', 'الذين', 'حيث'].map(n))

const PREPOSITIONS = new Set(['على', 'إلى', 'الى', 'من', 'عن', 'في', 'مع'].map(n))
const RESUMPTIVE: Record<string, string> = {
  [n('على')]: 'عليه',
  [n('إلى')]: 'إليه',
  [n('الى')]: 'إليه',
  [n('من')]: 'منه',
  [n('عن')]: 'عنه',
  [n('في')]: 'فيه',
  [n('ب')]: 'به',
  [n('ل')]: 'له',
}

/** The token without a leading conjunction و / ف (normalised). */
export function bare(t: Token): string {
  return t.norm.length > 3 && /^[وف]/.test(t.norm) ? t.norm.slice(1) : t.norm
}

/**
 * Heuristic verb test for the first word of a clause: a known verb, or an imperfect form (ي / ت prefix,
 * four letters or more, not a definite noun), or a sound past-tense verb with feminine ـت.
 */
export function isVerbLike(t: Token): boolean {
  const b = bare(t)
  if (KNOWN_VERBS.has(b) || KNOWN_VERBS.has(t.norm)) return true
  if (/^(?:ال|لل)/.test(b)) return false
  if (/^[يت][^ا]/.test(b) && b.length >= 4 && !/(?:ه|ات|يه)$/.test(b)) return true
  if (/^(?:سي|ست)/.test(b) && b.length >= 5) return true
  return false
}

/** Removes parenthetical remarks, quotes that would be left unbalanced, and folds spaces. */
export function tidy(s: string): string {
  let out = s.replace(/\s*\([^()]*\)/g, '').replace(/\s+/g, ' ').trim()
  for (const [open, close] of [
    ['«', '»'],
    ['“', '”'],
  ] as const) {
    if (out.split(open).length !== out.split(close).length) out = out.split(open).join('').split(close).join('')
  }
  if ((out.match(/"/g) ?? []).length % 2 === 1) out = out.replace(/"/g, '')
  return out
    .replace(/\s+([،,.:؛])/g, '$1')
    .replace(/[\s،,.:؛!؟?]+$/u, '')
    .trim()
}

/** Drops a leading conjunction و / ف from a clause's raw text when it is a separate clitic on a verb. */
export function dropConjunction(raw: string, first: Token): string {
  if (/^[وف]/.test(first.text) && isVerbLike(first) && !KNOWN_VERBS.has(first.norm)) return raw.replace(/^[وف]/, '')
  return raw
}

/** Word count of an Arabic string. */
export const words = (s: string) => s.split(/\s+/).filter(Boolean).length

/** Index of the token that starts at or contains `offset`, or -1. */
export function tokenAt(tokens: Token[], offset: number): number {
  return tokens.findIndex((t) => t.start <= offset && offset < t.end)
}

/** Text from `offset` to the first clause break (comma, semicolon, colon) or `maxWords`, whichever first. */
export function clauseTail(text: string, from: number, to: number, maxWords: number): string {
  const rest = text.slice(from, to)
  const cut = rest.search(/[،,؛;:]/)
  const clause = cut >= 0 ? rest.slice(0, cut) : rest
  const ws = clause.split(/\s+/).filter(Boolean)
  if (ws.length > maxWords) return ''
  return clause
}

export { COMPLEMENTISERS, PREPOSITIONS, RESUMPTIVE, SPEECH }
