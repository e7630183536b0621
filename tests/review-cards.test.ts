/**
 * Cards from a quiz and from the reading page's "add this article's vocabulary" button, against a real
 * SQLite copy: the right cards, missed questions reviewed with Again exactly as ts-fsrs would, never
 * duplicated (resubmit, retake, a second click, concurrent submits).
 */
import { Rating, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { StringListSchema } from '~/models/bank-json'
import { answerFieldName } from '~/models/quiz-form'
import { State } from '~/models/scheduler.server'
import { seedContent } from '~/models/seed.server'
import { action as readingAction, loader as readingLoader } from '~/routes/articles.$slug._index'
import { action as quizAction, loader as quizLoader } from '~/routes/articles.$slug.quiz'
import { loader as attemptLoader } from '~/routes/attempts.$attemptId'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import { asData, cookieFrom, formRequest, getRequest } from './helpers/app'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })

const vostochny = 'putin-kim-vostochny'

async function quizQuestions(slug: string) {
  const rows = await prisma.question.findMany({
    where: { article: { slug }, retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
    orderBy: { quizPosition: 'asc' },
    select: { id: true, type: true, options: true, key: true },
  })
  return rows.map((r) => ({ ...r, options: StringListSchema.parse(JSON.parse(r.options)) }))
}

type Q = Awaited<ReturnType<typeof quizQuestions>>[number]
const wrong = (q: Q) => (q.type === 'short_answer' ? 'جواب لا علاقة له بالمقال' : q.options.find((o) => o !== q.key)!)

/** Answers: the questions at `missed` indexes wrongly, the rest with their keys. */
function answerFields(questions: Q[], missed: number[]): [string, string][] {
  return questions.map((q, i) => [answerFieldName(q.id), missed.includes(i) ? wrong(q) : q.key])
}

async function submit(slug: string, fields: [string, string][], cookie?: string) {
  return (await quizAction({
    request: formRequest(`http://localhost/articles/${slug}/quiz`, fields, cookie),
    params: { slug },
    context: {},
  })) as Response
}

async function cardsOf(learnerId: string) {
  return prisma.card.findMany({ where: { learnerId }, orderBy: [{ due: 'asc' }, { id: 'asc' }] })
}

describe('cards created when a quiz is submitted', () => {
  it('gives three cards per vocabulary item and one Again-reviewed card per missed question, once', async () => {
    const questions = await quizQuestions(vostochny)
    const missed = [1, 4]
    const token = crypto.randomUUID()
    const fields: [string, string][] = [
      ['clientToken', token],
      ['displayName', 'سارة'],
      ['timeZone', 'Asia/Riyadh'],
      ...answerFields(questions, missed),
    ]
    const first = await submit(vostochny, fields)
    expect(first.status).toBe(302)
    const attempt = await prisma.attempt.findUniqueOrThrow({
      where: { clientToken: token },
      select: { learnerId: true, submittedAt: true, learner: { select: { timeZone: true } } },
    })
    expect(attempt.learner.timeZone).toBe('Asia/Riyadh')
    const { learnerId, submittedAt } = attempt

    const items = await prisma.vocabularyItem.findMany({
      where: { article: { slug: vostochny }, retired: false },
      select: { id: true, termStart: true },
    })
    expect(items.length).toBeGreaterThan(0)
    const withTerm = items.filter((i) => i.termStart !== null).length
    const cards = await cardsOf(learnerId)
    const vocabulary = cards.filter((c) => c.vocabularyItemId !== null)
    expect(vocabulary).toHaveLength(items.length * 2 + withTerm)
    expect(new Set(vocabulary.map((c) => c.direction))).toEqual(new Set(['recognition', 'cloze', 'production']))
    expect(vocabulary.every((c) => c.state === State.New && c.reps === 0 && c.version === 0)).toBe(true)
    // Siblings are spread: recognition from now, cloze from tomorrow, production the day after.
    const firstDue = (direction: string) =>
      Math.min(...vocabulary.filter((c) => c.direction === direction).map((c) => c.due.getTime()))
    expect(firstDue('recognition')).toBe(submittedAt.getTime())
    expect(firstDue('cloze') - submittedAt.getTime()).toBe(86_400_000)
    expect(firstDue('production') - submittedAt.getTime()).toBe(2 * 86_400_000)

    // The missed questions: one card each, reviewed with Again at the answer time — exactly ts-fsrs's result.
    const questionCards = cards.filter((c) => c.questionId !== null)
    expect(questionCards.map((c) => c.questionId).sort()).toEqual(missed.map((i) => questions[i]!.id).sort())
    const expected = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false })).next(
      createEmptyCard(submittedAt),
      submittedAt,
      Rating.Again,
    )
    for (const card of questionCards) {
      expect(card).toMatchObject({
        direction: 'question',
        version: 1,
        due: expected.card.due,
        stability: expected.card.stability,
        difficulty: expected.card.difficulty,
        scheduledDays: expected.card.scheduled_days,
        learningSteps: expected.card.learning_steps,
        reps: 1,
        lapses: 0,
        state: State.Learning,
        lastReview: submittedAt,
      })
      const logs = await prisma.reviewLog.findMany({ where: { cardId: card.id } })
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatchObject({ rating: Rating.Again, state: State.New, review: submittedAt, source: 'quiz', cardVersion: 0 })
    }

    // The same form again (double click, back button): nothing new, cards included.
    // Without the session it answers 409 (the token alone proves nothing); with it, back to the attempt.
    expect(asData(await submit(vostochny, fields)).init?.status).toBe(409)
    const again2 = await submit(vostochny, fields, cookieFrom(first))
    expect(again2.headers.get('Location')).toBe(first.headers.get('Location'))
    expect(await cardsOf(learnerId)).toEqual(cards)
    expect(await prisma.reviewLog.count({ where: { learnerId } })).toBe(missed.length)

    // A retake (new form) missing one of the same questions: no new cards; the repeated miss is a lapse review.
    const retake = await submit(
      vostochny,
      [['clientToken', crypto.randomUUID()], ...answerFields(questions, [1])],
      cookieFrom(first),
    )
    expect(retake.status).toBe(302)
    const afterRetake = await cardsOf(learnerId)
    expect(afterRetake).toHaveLength(cards.length)
    const retaken = afterRetake.find((c) => c.questionId === questions[1]!.id)!
    expect(retaken).toMatchObject({ reps: 2, version: 2 })
    expect(afterRetake.find((c) => c.questionId === questions[4]!.id)).toMatchObject({ reps: 1, version: 1 })
  })

  it('does not duplicate cards when two different forms of one learner are submitted at the same time', async () => {
    const questions = await quizQuestions(vostochny)
    const first = await submit(vostochny, [
      ['clientToken', crypto.randomUUID()],
      ['displayName', 'نور'],
      ...answerFields(questions, [0]),
    ])
    const cookie = cookieFrom(first)
    const learnerId = (await prisma.attempt.findFirstOrThrow({ where: { learner: { displayName: 'نور' } } })).learnerId
    await prisma.card.deleteMany({ where: { learnerId } })
    const results = await Promise.all(
      [0, 1, 2].map(() => submit(vostochny, [['clientToken', crypto.randomUUID()], ...answerFields(questions, [0])], cookie)),
    )
    expect(results.map((r) => r.status)).toEqual([302, 302, 302])
    const cards = await cardsOf(learnerId)
    const keys = cards.map((c) => `${c.vocabularyItemId ?? c.questionId}|${c.direction}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(cards.filter((c) => c.questionId !== null)).toHaveLength(1)
  })
})

describe('"add this article\'s vocabulary" on the reading page', () => {
  const slug = fixtureArticle.meta.slug
  const url = `http://localhost/articles/${slug}`
  const post = (fields: [string, string][], cookie?: string) =>
    readingAction({ request: formRequest(url, fields, cookie), params: { slug }, context: {} })

  it('asks a new reader for a name, then adds the cards once and says so', async () => {
    const before = await prisma.card.count()
    const invalid = asData<{ error: string }>(await post([['displayName', '   ']]))
    expect(invalid.init?.status).toBe(400)
    expect(invalid.data.error).toBe('display_name_empty')
    expect(await prisma.card.count()).toBe(before)

    const res = (await post([['displayName', 'ليلى'], ['timeZone', 'Europe/Berlin']])) as Response
    expect(res.status).toBe(302)
    // One vocabulary item in the fixture (its term found in the evidence): recognition, cloze, production.
    expect(res.headers.get('Location')).toBe(`/articles/${slug}?added=3#vocabulary`)
    const cookie = cookieFrom(res)
    const learner = await prisma.learner.findFirstOrThrow({ where: { displayName: 'ليلى' }, select: { id: true, timeZone: true } })
    expect(learner.timeZone).toBe('Europe/Berlin')
    expect(await prisma.card.count({ where: { learnerId: learner.id } })).toBe(3)

    const second = (await post([['timeZone', 'Asia/Tokyo']], cookie)) as Response
    expect(second.headers.get('Location')).toBe(`/articles/${slug}?added=0#vocabulary`)
    expect(await prisma.card.count({ where: { learnerId: learner.id } })).toBe(3)
    // A zone already known is not replaced by another browser's.
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).timeZone).toBe('Europe/Berlin')

    const page = await readingLoader({ request: getRequest(`${url}?added=0`, cookie), params: { slug }, context: {} })
    expect(page.vocabulary).toEqual({ items: 1, cards: 3, learner: { displayName: 'ليلى' } })
    expect(page.added).toBe(0)
  })

  it('stores the term offsets of the fixture item, found in its evidence', async () => {
    const item = await prisma.vocabularyItem.findFirstOrThrow({ where: { article: { slug } } })
    expect(fixtureArticle.text.slice(item.termStart!, item.termEnd!)).toBe('قاعدة')
  })
})

describe('the Back button after a practice quiz', () => {
  it('offers the result and an explicit new attempt, and refuses the old form posted again with a fresh token', async () => {
    const questions = await quizQuestions(vostochny)
    const answers = answerFields(questions, [0])
    const first = (await submit(vostochny, [['clientToken', crypto.randomUUID()], ['displayName', 'رجوع'], ['attempt', '1'], ...answers])) as Response
    expect(first.status).toBe(302)
    const cookie = cookieFrom(first)
    const attempt = await prisma.attempt.findUniqueOrThrow({ where: { id: first.headers.get('Location')!.split('/').pop()! } })
    const page = async (query = '') =>
      quizLoader({ request: getRequest(`http://localhost/articles/${vostochny}/quiz${query}`, cookie), params: { slug: vostochny }, context: {} })

    // Back: the page reloads (no-store) with a fresh token; it shows the latest result and a link, no form.
    const back = await page()
    expect(back.showForm).toBe(false)
    expect(back.quiz.attemptNumber).toBe(2)
    expect(back.quiz.previous).toEqual({
      id: attempt.id,
      score: questions.length - 1,
      total: questions.length,
      submittedAt: attempt.submittedAt.toISOString(),
      timeZone: 'UTC',
    })
    // The restored answers posted with a new token but the old attempt number: refused, nothing stored.
    const replay = asData<{ errors: { form: string[] } }>(await submit(vostochny, [['clientToken', crypto.randomUUID()], ['attempt', '1'], ...answers], cookie))
    expect(replay.init?.status).toBe(409)
    expect(replay.data.errors.form).toEqual(['attempt_submitted'])
    expect(await prisma.attempt.count({ where: { learnerId: attempt.learnerId } })).toBe(1)
    // The explicit link opens the second attempt's form, which is stored; unlimited attempts go on.
    expect(await page('?attempt=2')).toMatchObject({ showForm: true, quiz: { attemptNumber: 2 } })
    expect((await submit(vostochny, [['clientToken', crypto.randomUUID()], ['attempt', '2'], ...answers], cookie)).status).toBe(302)
    expect(await prisma.attempt.count({ where: { learnerId: attempt.learnerId } })).toBe(2)
    expect((await page()).quiz.attemptNumber).toBe(3)
    // The result page's "take it again" opens the next form directly.
    const result = await attemptLoader({ request: getRequest(`http://localhost/attempts/${attempt.id}`, cookie), params: { attemptId: attempt.id }, context: {} })
    expect(result.retakeTo).toBe(`/articles/${vostochny}/quiz?attempt=3`)
  })
})
