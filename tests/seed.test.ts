/**
 * Seeding against a real SQLite file: content/ with the real generator is idempotent, and re-seeding
 * retires (never deletes) items so learners' attempts and responses survive.
 */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { SeedError, seedContent } from '~/models/seed.server'
import { emptyLexicon, fixtureArticle, fixtureGenerated, fixtureQuestions } from './fixtures/bank'

/** Every content row, ordered, with every column: two snapshots are equal only if nothing changed. */
async function snapshot() {
  const [articles, questions, vocabulary] = await Promise.all([
    prisma.article.findMany({ orderBy: { slug: 'asc' } }),
    prisma.question.findMany({ orderBy: { id: 'asc' } }),
    prisma.vocabularyItem.findMany({ orderBy: { id: 'asc' } }),
  ])
  return { articles, questions, vocabulary }
}

describe('seedContent with content/ and the real generator', () => {
  it('stores every article once and a second seed changes nothing', async () => {
    const input = { lexicon: loadLexicon(), articles: loadArticles() }
    const first = await seedContent(prisma, input)
    expect(first.map((r) => r.article)).toEqual(input.articles.map(() => 'created'))
    const afterFirst = await snapshot()
    expect(afterFirst.articles.map((a) => a.slug)).toEqual(input.articles.map((a) => a.meta.slug).sort())
    for (const { meta, text } of input.articles) {
      const row = afterFirst.articles.find((a) => a.slug === meta.slug)!
      expect(row.text).toBe(text)
      expect(row.titleAr).toBe(meta.title_ar)
      expect(row.publishedOn).toBe(meta.published)
    }
    const questionTotal = first.reduce((n, r) => n + r.questions.active, 0)
    expect(afterFirst.questions).toHaveLength(questionTotal)
    expect(afterFirst.questions.every((q) => !q.retired)).toBe(true)
    // Every article's default quiz is stored as quiz positions 0..n-1.
    for (const row of afterFirst.articles) {
      const positions = afterFirst.questions
        .filter((q) => q.articleId === row.id && q.quizPosition !== null)
        .map((q) => q.quizPosition!)
        .sort((a, b) => a - b)
      expect(positions).toEqual(positions.map((_, i) => i))
    }

    const second = await seedContent(prisma, input)
    for (const report of second) {
      expect(report.article).toBe('unchanged')
      expect(report.questions).toMatchObject({ created: 0, updated: 0, retired: 0 })
      expect(report.vocabulary).toMatchObject({ created: 0, updated: 0, retired: 0 })
    }
    expect(await snapshot()).toEqual(afterFirst)
    // Two full generator runs over content/: seconds on a busy two-core machine.
  }, 30_000)
})

describe('seedContent with a fixture bank', () => {
  const seedWith = (questions = fixtureQuestions) =>
    seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated(questions) })

  it('retires items the generator no longer produces and keeps attempts and responses', async () => {
    await seedWith()
    const article = await prisma.article.findUniqueOrThrow({ where: { slug: fixtureArticle.meta.slug } })
    const [q1, q2] = fixtureQuestions
    const learner = await prisma.learner.create({ data: { displayName: 'سارة' } })
    const attempt = await prisma.attempt.create({
      data: {
        learnerId: learner.id,
        articleId: article.id,
        score: 1,
        total: 2,
        responses: {
          create: [
            { questionId: q1!.id, answer: q1!.key, correct: true },
            { questionId: q2!.id, answer: 'خطأ', correct: false },
          ],
        },
      },
    })

    // The generator now drops q2 and rewords q1.
    const reworded = { ...q1!, stem: 'من كان في استقبال كيم جونغ أون؟' }
    const [report] = await seedWith([reworded, ...fixtureQuestions.slice(2)])
    // q1 reworded, and the three after q2 move up one position.
    expect(report!.questions).toEqual({ active: fixtureQuestions.length - 1, created: 0, updated: 4, retired: 1 })

    const stored = await prisma.question.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } })
    expect(stored).toHaveLength(fixtureQuestions.length)
    expect(stored.find((q) => q.id === q2!.id)).toMatchObject({ retired: true, position: 1, quizPosition: 1 })
    expect(stored.find((q) => q.id === q1!.id)).toMatchObject({
      retired: false,
      stem: reworded.stem,
      position: 0,
      quizPosition: 0,
    })
    expect(stored.find((q) => q.id === fixtureQuestions[2]!.id)).toMatchObject({
      retired: false,
      position: 1,
      quizPosition: 1,
    })
    // The matching item is stored but not part of the quiz.
    expect(stored.find((q) => q.type === 'matching')).toMatchObject({ retired: false, quizPosition: null })
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ score: 1, total: 2 })
    expect(await prisma.response.count({ where: { attemptId: attempt.id } })).toBe(2)

    // Produced again later: revived in place.
    await seedWith()
    expect(await prisma.question.findUniqueOrThrow({ where: { id: q2!.id } })).toMatchObject({ retired: false })
    expect(await prisma.question.findUniqueOrThrow({ where: { id: q1!.id } })).toMatchObject({ stem: q1!.stem })
  })

  it('refuses a quiz that names a question the bank lacks', async () => {
    await expect(
      seedContent(prisma, {
        lexicon: emptyLexicon,
        articles: [fixtureArticle],
        generate: () => ({ ...fixtureGenerated(), quiz: ['fixture-vostochny:q:ghost'] }),
      }),
    ).rejects.toThrow(/quiz id fixture-vostochny:q:ghost/)
  })

  it('refuses a bank whose evidence does not slice the text, writing nothing', async () => {
    const broken = [{ ...fixtureQuestions[0]!, id: 'fixture-vostochny:q:broken', evidence: { start: 0, end: 3, text: 'xyz' } }]
    const before = await prisma.question.count()
    await expect(seedWith(broken)).rejects.toThrow(SeedError)
    await expect(seedWith(broken)).rejects.toThrow('fixture-vostochny:q:broken')
    expect(await prisma.question.count()).toBe(before)
  })
})
