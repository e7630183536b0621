/**
 * Vocabulary card creation in one SQL statement (`createVocabularyCards`, the quiz submit's path) against
 * the rule it replaced: the rows `newVocabularyCardRows` computes, written with Prisma's `createMany`. Both
 * are run for two learners on a real SQLite copy and the stored rows compared column by column as SQLite
 * holds them (text dates included), so the header count, the queue's `due` comparisons and the review page
 * see the same cards either way.
 */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { createVocabularyCards, ensureVocabularyCards, newVocabularyCardRows } from '~/models/card.server'
import { seedContent } from '~/models/seed.server'

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })

const SLUG = 'putin-kim-vostochny'
/** A fixed clock with milliseconds, so the due dates' millisecond part (item position) is exercised. */
const NOW = new Date('2026-03-01T21:59:59.950Z')

async function newLearner(name: string) {
  return (await prisma.learner.create({ data: { displayName: name }, select: { id: true } })).id
}

/** A learner's cards as stored (dates as SQLite's text, not revived), without id and learnerId. */
async function storedCards(learnerId: string) {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT "direction", "vocabularyItemId", "questionId", "due" || '' AS due, "stability", "difficulty", "elapsedDays",
           "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview" || '' AS lastReview, "version",
           "createdAt" || '' AS createdAt,
           typeof("due") AS dueType, typeof("createdAt") AS createdAtType, typeof("stability") AS stabilityType
      FROM "Card" WHERE "learnerId" = ${learnerId} ORDER BY "vocabularyItemId", "direction"`
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))
}

async function activeItems(articleId: string) {
  return prisma.vocabularyItem.findMany({
    where: { articleId, retired: false },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, termStart: true },
  })
}

describe('vocabulary cards in one statement', () => {
  it('stores exactly the cards newVocabularyCardRows + createMany stored, then nothing on a repeat', async () => {
    const article = await prisma.article.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })
    // An item without term offsets (no cloze card) and a retired item (no card at all) in the sample.
    const items = await activeItems(article.id)
    expect(items.length).toBeGreaterThan(10)
    await prisma.vocabularyItem.update({ where: { id: items[1]!.id }, data: { termStart: null, termEnd: null } })
    await prisma.vocabularyItem.update({ where: { id: items[2]!.id }, data: { retired: true } })

    const before = await newLearner('قبل')
    const after = await newLearner('بعد')
    const current = await activeItems(article.id)
    const perRule = current.reduce((n, i) => n + (i.termStart === null ? 2 : 3), 0)
    const rows = newVocabularyCardRows({ learnerId: before, items: current, have: new Set(), now: NOW })
    await prisma.card.createMany({ data: rows })

    const created = await prisma.$transaction((tx) => createVocabularyCards(tx, { learnerId: after, articleId: article.id, now: NOW }))
    expect(created).toBe(rows.length)
    const expected = await storedCards(before)
    const actual = await storedCards(after)
    expect(actual).toEqual(expected)
    // Spot checks of the rule itself (not only agreement with the old path).
    expect(current).toHaveLength(items.length - 1)
    expect(actual).toHaveLength(perRule)
    expect(actual.some((c) => c.vocabularyItemId === items[2]!.id)).toBe(false)
    expect(actual.filter((c) => c.vocabularyItemId === items[1]!.id).map((c) => c.direction)).toEqual(['production', 'recognition'])
    const last = items.at(-1)!
    const production = actual.find((c) => c.vocabularyItemId === last.id && c.direction === 'production')!
    expect(production.due).toBe(new Date(NOW.getTime() + 2 * 86_400_000 + last.position).toISOString().replace('Z', '+00:00'))
    expect(production.createdAt).toBe('2026-03-01T21:59:59.950+00:00')
    expect(production).toMatchObject({ state: 0, reps: 0, lapses: 0, stability: 0, difficulty: 0, lastReview: null, version: 0 })

    // Idempotent: a repeat creates nothing; a missing card is created alone.
    expect(await prisma.$transaction((tx) => createVocabularyCards(tx, { learnerId: after, articleId: article.id, now: NOW }))).toBe(0)
    const clozed = current.find((i) => i.termStart !== null)!
    await prisma.card.deleteMany({ where: { learnerId: after, vocabularyItemId: clozed.id, direction: 'cloze' } })
    const later = new Date(NOW.getTime() + 3_600_000)
    const again = await prisma.$transaction((tx) => ensureVocabularyCards(tx, { learnerId: after, articleId: article.id, now: later }))
    expect(again).toEqual({ created: 1, total: perRule })
    const recreated = await prisma.card.findFirstOrThrow({ where: { learnerId: after, vocabularyItemId: clozed.id, direction: 'cloze' } })
    expect(recreated.due).toEqual(new Date(later.getTime() + 86_400_000 + clozed.position))
    // c + the creation instant in ms (11 hex digits) + 14 random hex digits; ids of later cards sort later.
    expect(recreated.id).toMatch(new RegExp(`^c${later.getTime().toString(16).padStart(11, '0')}[0-9a-f]{14}$`))
    const ids = (await prisma.card.findMany({ where: { learnerId: after }, select: { id: true } })).map((c) => c.id)
    expect(new Set(ids).size).toBe(perRule)
    expect(ids.filter((id) => id !== recreated.id).every((id) => id.startsWith(`c${NOW.getTime().toString(16).padStart(11, '0')}`) && id < recreated.id)).toBe(true)
  })

  it('creates nothing for an article without active items', async () => {
    const learnerId = await newLearner('لا شيء')
    const article = await prisma.article.create({
      data: { slug: 'empty-article', titleAr: 'ع', titleEn: 'e', outlet: 'o', publishedOn: '2026-01-01', language: 'ar', text: 'ن', segments: '[]', sentences: '[]' },
      select: { id: true },
    })
    expect(await prisma.$transaction((tx) => ensureVocabularyCards(tx, { learnerId, articleId: article.id, now: NOW }))).toEqual({ created: 0, total: 0 })
  })
})
