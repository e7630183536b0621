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
import { KNOWN_VERBS, bare, isVerbLike } from '../text/words'
import { normalizeLetters } from '../text/normalize'

const n = (w: string) => normalizeLetters(w)

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

export { COMPLEMENTISERS, KNOWN_VERBS, PREPOSITIONS, RESUMPTIVE, SPEECH, bare, isVerbLike }
