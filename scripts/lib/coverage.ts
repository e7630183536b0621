/**
 * Fact coverage of a bank against a reference annotation, by the rule of `../shared/tools/score-bank.py`:
 * an answer matches when, after normalisation, the two are equal, one contains the other (3+ characters),
 * or at least 60% of the smaller side's light-stemmed words are shared.
 */
import type { Bank } from '../../app/generator/schema'
import { normalizeAnswer } from '../../app/generator/text/normalize'
import { cliticBases, tokenize } from '../../app/generator/text/tokens'

/** An annotated key fact (`facts[]` of an `*.expected.json`). */
export interface Fact {
  type: string
  question_en: string
  answer: string
  acceptable?: string[]
}

const words = (s: string) => new Set(tokenize(s).map((t) => cliticBases(t.norm).at(-1)!).filter((w) => w.length > 1))

/** True when answer `a` matches answer `b` (see the module header). */
export function answersMatch(a: string, b: string): boolean {
  const na = normalizeAnswer(a)
  const nb = normalizeAnswer(b)
  if (!na || !nb) return false
  if (na === nb || (nb.length >= 3 && na.includes(nb)) || (na.length >= 3 && nb.includes(na))) return true
  const wa = words(a)
  const wb = words(b)
  if (!wa.size || !wb.size) return false
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / Math.min(wa.size, wb.size) >= 0.6
}

/** The facts no emitted item covers (its key or an accepted answer matches the fact's answers). */
export function missedFacts(bank: Bank, facts: Fact[]): Fact[] {
  return facts.filter(
    (f) =>
      !bank.questions.some((q) =>
        [f.answer, ...(f.acceptable ?? [])].some((a) => answersMatch(q.key, a) || q.accepted.some((x) => answersMatch(x, a))),
      ),
  )
}
