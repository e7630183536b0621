/**
 * The quiz page's raw query (`getQuiz`, with `activeQuizQuestionSql`) against the Prisma filter the submit
 * scores with (`activeQuizQuestion`): the page must show exactly the questions a submit grades, in the same
 * order, for every sample article, after some of them are turned into drafts, rejected, retired, taken out
 * of the default quiz or given a type the page does not render.
 */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { activeQuizQuestion } from '~/models/article.server'
import { NotFoundError } from '~/models/errors'
import { findArticleToScore, getQuiz } from '~/models/quiz.server'
import { seedContent } from '~/models/seed.server'

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })
const NOW = new Date('2026-11-30T08:00:00Z')

async function prismaQuiz(slug: string) {
  return prisma.question.findMany({
    where: { article: { slug }, ...activeQuizQuestion },
    orderBy: { quizPosition: 'asc' },
    select: { id: true, type: true, stem: true, options: true },
  })
}

describe('getQuiz', () => {
  it('shows the questions activeQuizQuestion selects, in quiz order, for every sample article', async () => {
    const articles = await prisma.article.findMany({ where: { ownerId: null }, select: { id: true, slug: true } })
    expect(articles.length).toBeGreaterThan(1)
    // Knock questions out of the quiz in every way the filter names, on the first article.
    const victims = await prisma.question.findMany({
      where: { articleId: articles[0]!.id, ...activeQuizQuestion },
      orderBy: { quizPosition: 'asc' },
      select: { id: true },
    })
    expect(victims.length).toBeGreaterThan(5)
    const [a, b, c, d, e] = victims.map((v) => v.id)
    await prisma.question.update({ where: { id: a! }, data: { status: 'draft' } })
    await prisma.question.update({ where: { id: b! }, data: { status: 'rejected' } })
    await prisma.question.update({ where: { id: c! }, data: { retired: true } })
    await prisma.question.update({ where: { id: d! }, data: { quizPosition: null } })
    await prisma.question.update({ where: { id: e! }, data: { type: 'matching' } })

    const learner = await prisma.learner.create({ data: { displayName: 'ليلى' }, select: { id: true, displayName: true } })
    for (const { slug } of articles) {
      const quiz = await getQuiz(slug, learner.id, NOW)
      const expected = await prismaQuiz(slug)
      expect(quiz.questions).toEqual(expected.map((q) => ({ ...q, options: JSON.parse(q.options) as string[] })))
      expect(quiz.learner).toEqual(learner)
      expect(quiz.startedAt).toBe('2026-11-30T08:00:00.000Z')
    }
    // The submit scores exactly these questions, with their keys (findArticleToScore).
    for (const { slug, id } of articles) {
      const scored = await findArticleToScore(slug, null)
      const expected = await prisma.question.findMany({
        where: { article: { slug }, ...activeQuizQuestion },
        orderBy: { quizPosition: 'asc' },
        select: { id: true, type: true, options: true, key: true, accepted: true },
      })
      expect(scored).toEqual({ id, questions: expected })
    }
    // An assignment: its chosen questions still approved and not retired, in its own order.
    const chosen = [e!, c!, b!, d!, a!, victims[5]!.id].reverse()
    const assigned = await findArticleToScore(articles[0]!.slug, chosen)
    expect(assigned?.questions.map((q) => q.id)).toEqual([victims[5]!.id, d!, e!])
    expect((await findArticleToScore(articles[0]!.slug, []))?.questions).toEqual([])
    expect(await findArticleToScore('no-such-article', null)).toBe(null)

    const first = await getQuiz(articles[0]!.slug, null, NOW)
    expect(first.questions.map((q) => q.id)).not.toContain(a)
    expect(first.questions).toHaveLength(victims.length - 5)
    expect(first.learner).toBe(null)
  })

  it('gives an article whose questions are all out of the quiz an empty quiz, and 404s a teacher’s article', async () => {
    const { slug, id } = (await prisma.article.findFirst({ where: { ownerId: null }, orderBy: { slug: 'desc' }, select: { slug: true, id: true } }))!
    await prisma.question.updateMany({ where: { articleId: id }, data: { retired: true } })
    const quiz = await getQuiz(slug, 'no-such-learner', NOW)
    expect(quiz.questions).toEqual([])
    expect(quiz.learner).toBe(null)
    expect(quiz.article.slug).toBe(slug)

    const teacher = await prisma.teacher.create({ data: { email: 'q@example.org', passwordHash: 'x', displayName: 'م' }, select: { id: true } })
    await prisma.article.update({ where: { id }, data: { ownerId: teacher.id } })
    await expect(getQuiz(slug, null, NOW)).rejects.toBeInstanceOf(NotFoundError)
  })
})
