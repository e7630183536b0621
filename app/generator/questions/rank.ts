/**
 * Ranking, deduplication and the default quiz.
 *
 * Duplicates are items on the same fact (same skill, entity and sentence — a sentence repeated in the
 * article is one fact); the best-scored survives. A true/false fact keeps its true or its false
 * statement by a hash of the fact, so a bank holds both kinds in a stable mix.
 */
import { stableHash } from '../ids'
import type { BankQuestion } from '../schema'
import { normalizeAnswer } from '../text/normalize'

/** An emitted item with its ranking data. */
export interface RankedItem {
  question: BankQuestion
  fact: string
  score: number
  sentenceId: string
  entityId: string | null
}

/**
 * Drops duplicates and orders by score (ties by id).
 * @returns the surviving items, best first.
 */
export function rankItems(items: RankedItem[]): RankedItem[] {
  const byFact = new Map<string, RankedItem>()
  for (const it of items) {
    const prev = byFact.get(it.fact)
    if (!prev) {
      byFact.set(it.fact, it)
      continue
    }
    if (it.question.type === 'true_false' && prev.question.type === 'true_false') {
      const wantFalse = parseInt(stableHash(it.fact).slice(0, 2), 16) % 2 === 1
      if ((it.question.key === 'خطأ') === wantFalse) byFact.set(it.fact, it)
      continue
    }
    if (it.score > prev.score || (it.score === prev.score && it.question.id < prev.question.id)) byFact.set(it.fact, it)
  }
  // Same stem and key from different sentences (a repeated sentence with other punctuation): one item.
  const byStem = new Map<string, RankedItem>()
  for (const it of byFact.values()) {
    const k = `${it.question.type}|${it.question.stem.replace(/^[وف]/, '')}|${it.question.key}`
    const prev = byStem.get(k)
    if (!prev || it.score > prev.score) byStem.set(k, it)
  }
  return [...byStem.values()].sort((a, b) => b.score - a.score || (a.question.id < b.question.id ? -1 : 1))
}

/** Target make-up of the default quiz (12 items): skills first, then types. */
const QUIZ_PLAN: Array<{ skill?: BankQuestion['skill']; type?: BankQuestion['type']; count: number }> = [
  { skill: 'who', type: 'mcq', count: 3 },
  { skill: 'where', type: 'mcq', count: 2 },
  { skill: 'weapon', type: 'mcq', count: 2 },
  { type: 'true_false', count: 2 },
  { skill: 'when', count: 1 },
  { skill: 'how_many', count: 1 },
  { type: 'short_answer', count: 1 },
  { skill: 'vocabulary', count: 1 },
  { type: 'cloze', skill: 'weapon', count: 1 },
]

/**
 * The default quiz: up to `size` items balanced across skills and types, best-ranked first within each
 * slot of the plan. Hard rules, so that no item answers another: no two items on the same entity, and no
 * item whose key can be read in another item's stem or options (a cloze shows its sentence; an option list
 * shows names). One item per evidence sentence is preferred and relaxed only to fill the quiz. Matching
 * items stay in the bank (the quiz page does not show them yet).
 * @returns question ids in quiz order (the bank's ranking order); fewer than `size` for a short article.
 */
export function selectQuiz(ranked: RankedItem[], size = 12): string[] {
  const chosen: RankedItem[] = []
  const usedSentence = new Set<string>()
  const usedEntity = new Set<string>()
  const visible = (it: RankedItem) => normalizeAnswer(`${it.question.stem} ${it.question.options.join(' ')}`)
  const keyOf = (it: RankedItem) => (it.question.type === 'true_false' ? '' : normalizeAnswer(it.question.key))
  const givesAway = (a: RankedItem, b: RankedItem) => {
    const k = keyOf(a)
    return k.length >= 3 && ` ${visible(b)} `.includes(` ${k} `)
  }
  const fits = (it: RankedItem, strict: boolean) =>
    it.question.type !== 'matching' &&
    !chosen.includes(it) &&
    !(it.entityId && usedEntity.has(it.entityId)) &&
    !chosen.some((c) => givesAway(it, c) || givesAway(c, it) || visible(c) === visible(it)) &&
    (!strict || !usedSentence.has(it.sentenceId))
  const take = (it: RankedItem) => {
    chosen.push(it)
    usedSentence.add(it.sentenceId)
    if (it.entityId) usedEntity.add(it.entityId)
  }
  for (const strict of [true, false]) {
    for (const slot of QUIZ_PLAN) {
      let have = chosen.filter((c) => (!slot.skill || c.question.skill === slot.skill) && (!slot.type || c.question.type === slot.type)).length
      for (const it of ranked) {
        if (have >= slot.count || chosen.length >= size) break
        if ((slot.skill && it.question.skill !== slot.skill) || (slot.type && it.question.type !== slot.type)) continue
        if (!fits(it, strict)) continue
        take(it)
        have++
      }
    }
  }
  for (const strict of [true, false]) for (const it of ranked) if (chosen.length < size && fits(it, strict)) take(it)
  // A short article leaves the quiz short: the greedy pass may have taken an item that blocks two others
  // (a cloze showing a whole sentence names many keys). One-for-two swaps, the basic local search for a
  // maximum independent set, grow the quiz while every skill already in it stays in it.
  const conflicts = (a: RankedItem, b: RankedItem) =>
    (a.entityId !== null && a.entityId !== undefined && a.entityId === b.entityId) || givesAway(a, b) || givesAway(b, a) || visible(a) === visible(b)
  const pool = ranked.filter((it) => it.question.type !== 'matching')
  let grown = true
  while (grown && chosen.length < size) {
    grown = false
    for (const x of pool) {
      if (chosen.includes(x)) continue
      const blockers = chosen.filter((c) => conflicts(x, c))
      if (blockers.length !== 1) continue
      const out = blockers[0]!
      const rest = chosen.filter((c) => c !== out)
      const y = pool.find((y) => y !== x && !chosen.includes(y) && !conflicts(x, y) && !rest.some((c) => conflicts(y, c)))
      if (!y) continue
      const skillKept = [x, y, ...rest].some((c) => c.question.skill === out.question.skill)
      if (!skillKept) continue
      chosen.splice(chosen.indexOf(out), 1, x, y)
      grown = true
      break
    }
  }
  const order = new Map(ranked.map((r, i) => [r, i]))
  return chosen.sort((a, b) => order.get(a)! - order.get(b)!).map((c) => c.question.id)
}
