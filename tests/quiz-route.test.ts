/**
 * The quiz route's action and the result route's loader, called directly with Requests against a real
 * SQLite copy. Runs on the fixture article (every quiz type) and on every content/ article the real
 * generator gave at least two quiz questions.
 */
import { describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { StringListSchema } from '~/models/bank-json'
import { answerFieldName } from '~/models/quiz-form'
import { seedContent } from '~/models/seed.server'
import { action as quizAction, loader as quizLoader } from '~/routes/articles.$slug.quiz'
import { loader as attemptLoader } from '~/routes/attempts.$attemptId'
import { emptyLexicon, fixtureArticle, fixtureGenerated } from './fixtures/bank'
import {
  asData,
  cookieFrom,
  formRequest,
  getRequest,
  learnerCookie,
  learnerSideCounts,
  thrown,
} from './helpers/app'

await seedContent(prisma, { lexicon: emptyLexicon, articles: [fixtureArticle], generate: () => fixtureGenerated() })
await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })

interface StoredQuestion {
  id: string
  type: string
  options: string[]
  key: string
}

/** The quiz questions of an article as the database holds them (default quiz, not retired), in quiz order. */
async function quizQuestions(slug: string): Promise<StoredQuestion[]> {
  const rows = await prisma.question.findMany({
    where: {
      article: { slug },
      retired: false,
      quizPosition: { not: null },
      type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] },
    },
    orderBy: { quizPosition: 'asc' },
    select: { id: true, type: true, options: true, key: true },
  })
  return rows.map((r) => ({ ...r, options: StringListSchema.parse(JSON.parse(r.options)) }))
}

/** A wrong answer: another option, or for short answers a text no accepted form matches. */
function wrongAnswer(q: StoredQuestion): string {
  if (q.type === 'short_answer') return 'جواب لا علاقة له بالمقال'
  const other = q.options.find((o) => o !== q.key)
  if (!other) throw new Error(`question ${q.id} has no wrong option`)
  return other
}

const url = (slug: string) => `http://localhost/articles/${slug}/quiz`

/** Form fields answering the first question with its key, the second wrongly and the rest with their keys. */
function answers(questions: StoredQuestion[]): [string, string][] {
  return questions.map((q, i) => [answerFieldName(q.id), i === 1 ? wrongAnswer(q) : q.key])
}

async function submit(slug: string, fields: [string, string][], cookie?: string) {
  return quizAction({ request: formRequest(url(slug), fields, cookie), params: { slug }, context: {} })
}

const slugsWithQuestions: string[] = []
for (const { slug } of await prisma.article.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } })) {
  if ((await quizQuestions(slug)).length >= 2) slugsWithQuestions.push(slug)
}

describe.each(slugsWithQuestions)('quiz on %s', (slug) => {
  it('stores one attempt with its responses and the right score, and redirects to the result', async () => {
    const questions = await quizQuestions(slug)
    const token = crypto.randomUUID()
    const before = await learnerSideCounts()

    const response = await submit(slug, [['clientToken', token], ['displayName', 'سارة'], ...answers(questions)])

    expect(response).toBeInstanceOf(Response)
    const res = response as Response
    expect(res.status).toBe(302)
    const attempt = await prisma.attempt.findUniqueOrThrow({
      where: { clientToken: token },
      select: {
        id: true,
        score: true,
        total: true,
        learner: { select: { displayName: true } },
        article: { select: { slug: true } },
        responses: { select: { questionId: true, answer: true, correct: true } },
      },
    })
    expect(res.headers.get('Location')).toBe(`/attempts/${attempt.id}`)
    expect(attempt).toMatchObject({
      score: questions.length - 1,
      total: questions.length,
      learner: { displayName: 'سارة' },
      article: { slug },
    })
    const expected = questions.map((q, i) => ({
      questionId: q.id,
      answer: i === 1 ? wrongAnswer(q) : q.key,
      correct: i !== 1,
    }))
    expect([...attempt.responses].sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual(
      expected.sort((a, b) => a.questionId.localeCompare(b.questionId)),
    )
    expect(await learnerSideCounts()).toEqual({
      learners: before.learners + 1,
      attempts: before.attempts + 1,
      responses: before.responses + questions.length,
    })

    // The cookie set by the redirect opens the result; the result shows the same score.
    const cookie = cookieFrom(res)
    const result = await attemptLoader({
      request: getRequest(`http://localhost/attempts/${attempt.id}`, cookie),
      params: { attemptId: attempt.id },
      context: {},
    })
    expect(result.result).toMatchObject({ score: questions.length - 1, total: questions.length, learnerName: 'سارة' })
    expect(result.result.items.map((i) => i.questionId)).toEqual(questions.map((q) => q.id))
    expect(result.result.items[1]).toMatchObject({ correct: false, key: questions[1]!.key })
    for (const item of result.result.items) expect(item.evidence.evidence.length).toBeGreaterThan(0)

    // A signed-in learner is not asked for a name again.
    const loaded = await quizLoader({ request: getRequest(url(slug), cookie), params: { slug }, context: {} })
    expect(loaded.quiz.learner).toMatchObject({ displayName: 'سارة' })
  })
})

describe('quiz action on the fixture article', () => {
  const slug = fixtureArticle.meta.slug

  async function validFields(): Promise<[string, string][]> {
    return [['clientToken', crypto.randomUUID()], ['displayName', 'ليلى'], ...answers(await quizQuestions(slug))]
  }

  it('leaves matching items out of the quiz and never sends keys to the page', async () => {
    const { quiz } = await quizLoader({ request: getRequest(url(slug)), params: { slug }, context: {} })
    expect(quiz.questions.map((q) => q.type)).toEqual(['mcq', 'true_false', 'cloze', 'short_answer'])
    expect(Object.keys(quiz.questions[0]!).sort()).toEqual(['id', 'options', 'stem', 'type'])
    expect(quiz.learner).toBe(null)
    expect(quiz.clientToken).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('renders when the form was shown and stores it as the attempt\'s startedAt; a bad value stores null', async () => {
    const before = Date.now()
    const { quiz } = await quizLoader({ request: getRequest(url(slug)), params: { slug }, context: {} })
    const shown = new Date(quiz.startedAt).getTime()
    expect(shown).toBeGreaterThanOrEqual(before - 1)
    expect(shown).toBeLessThanOrEqual(Date.now())
    const started = new Date(Date.now() - 7 * 60_000).toISOString()
    for (const [value, expected] of [
      [started, started],
      [new Date(Date.now() + 60_000).toISOString(), null],
      [new Date(Date.now() - 25 * 3_600_000).toISOString(), null],
      ['not-a-date', null],
    ] as const) {
      const token = crypto.randomUUID()
      const fields: [string, string][] = [['clientToken', token], ['startedAt', value], ...(await validFields()).slice(1)]
      expect(((await submit(slug, fields)) as Response).status).toBe(302)
      const row = await prisma.attempt.findUniqueOrThrow({ where: { clientToken: token }, select: { startedAt: true } })
      expect(row.startedAt?.toISOString() ?? null).toBe(expected)
    }
  })

  it('accepts a short answer that matches an accepted form after normalisation', async () => {
    const questions = await quizQuestions(slug)
    const fields: [string, string][] = [
      ['clientToken', crypto.randomUUID()],
      ['displayName', 'ليلى'],
      ...questions.map((q): [string, string] => [
        answerFieldName(q.id),
        q.type === 'short_answer' ? '  فوستوشنى ' : q.key,
      ]),
    ]
    const res = (await submit(slug, fields)) as Response
    expect(res.status).toBe(302)
    const attemptId = res.headers.get('Location')!.split('/').pop()!
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: 4, total: 4 })
    const short = await prisma.response.findFirstOrThrow({
      where: { attemptId, question: { type: 'short_answer' } },
    })
    expect(short).toMatchObject({ answer: 'فوستوشنى', correct: true })
  })

  const badCases: { name: string; edit: (fields: [string, string][], q: StoredQuestion[]) => [string, string][]; message: RegExp }[] = [
    {
      name: 'an answer without a question id',
      edit: (f) => [...f, ['answer:', 'صح']],
      message: /missing_question_id/,
    },
    {
      name: 'an unknown question id',
      edit: (f) => [...f, [answerFieldName('fixture-vostochny:q:nope'), 'صح']],
      message: /unknown_question/,
    },
    {
      name: 'a question answered twice',
      edit: (f, q) => [...f, [answerFieldName(q[0]!.id), q[0]!.options[1]!]],
      message: /duplicate_answer/,
    },
    {
      name: 'an option that is not offered',
      edit: (f, q) => f.map(([k, v]) => [k, k === answerFieldName(q[0]!.id) ? 'دونالد ترامب' : v]),
      message: /option_not_offered/,
    },
    {
      name: 'an empty display name',
      edit: (f) => f.map(([k, v]) => [k, k === 'displayName' ? '  ' : v]),
      message: /display_name_empty/,
    },
    {
      name: 'a display name over 60 characters',
      edit: (f) => f.map(([k, v]) => [k, k === 'displayName' ? 'ن'.repeat(61) : v]),
      message: /display_name_too_long/,
    },
    {
      name: 'an unanswered question',
      edit: (f, q) => f.filter(([k]) => k !== answerFieldName(q[3]!.id)),
      message: /unanswered/,
    },
  ]

  it.each(badCases)('answers 400 and stores nothing for $name', async ({ edit, message }) => {
    const questions = await quizQuestions(slug)
    const before = await learnerSideCounts()
    const result = asData<{ errors: { form: string[]; fields: Record<string, string> } }>(
      await submit(slug, edit(await validFields(), questions)),
    )
    expect(result.init?.status).toBe(400)
    const codes = [...result.data.errors.form, ...Object.values(result.data.errors.fields)]
    expect(codes).toHaveLength(1)
    expect(codes[0]).toMatch(message)
    expect(await learnerSideCounts()).toEqual(before)
  })

  it('stores one attempt when the same form is posted twice by its learner', async () => {
    const fields = await validFields()
    const before = await learnerSideCounts()
    const first = (await submit(slug, fields)) as Response
    expect(first.status).toBe(302)
    // The same form again from the browser that now holds the first response's cookie.
    const second = (await submit(slug, fields, cookieFrom(first))) as Response
    expect(second.status).toBe(302)
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'))
    expect(await learnerSideCounts()).toEqual({
      learners: before.learners + 1,
      attempts: before.attempts + 1,
      responses: before.responses + 4,
    })
  })

  it("never hands a used token's attempt or its learner's session to a browser without that session", async () => {
    const fields = await validFields()
    const first = (await submit(slug, fields)) as Response
    const before = await learnerSideCounts()
    // Replayed from another browser (no cookie): a 409 with a bilingual message, no redirect, no cookie.
    const replay = asData<{ errors: { form: string[] } }>(await submit(slug, fields))
    expect(replay.init?.status).toBe(409)
    expect(replay.data.errors.form).toEqual(['token_used'])
    expect(new Headers(replay.init?.headers).get('Set-Cookie')).toBe(null)
    expect(await learnerSideCounts()).toEqual(before)
    // The owner still gets back to the attempt.
    const owner = (await submit(slug, fields, cookieFrom(first))) as Response
    expect(owner.headers.get('Location')).toBe(first.headers.get('Location'))
  })

  it('answers 409 when another learner replays a used form token', async () => {
    const fields = await validFields()
    await submit(slug, fields)
    const other = await prisma.learner.create({ data: { displayName: 'آخر' } })
    const before = await learnerSideCounts()
    const result = asData<{ errors: { form: string[] } }>(await submit(slug, fields, await learnerCookie(other.id)))
    expect(result.init?.status).toBe(409)
    expect(result.data.errors.form).toEqual(['already_submitted'])
    expect(await learnerSideCounts()).toEqual(before)
  })

  it('answers 400 for a body that is not form data', async () => {
    const request = new Request(url(slug), {
      method: 'POST',
      body: '{"clientToken":"x"}',
      headers: { 'Content-Type': 'application/json' },
    })
    const error = asData<{ message: { ar: string } }>(await thrown(quizAction({ request, params: { slug }, context: {} })))
    expect(error.init?.status).toBe(400)
    expect(error.data.message.ar).toBe('تعذّرت قراءة الطلب.')
  })

  it('answers 404 for an unknown article', async () => {
    const error = asData<{ message: { en: string } }>(await thrown(submit('no-such-article', await validFields())))
    expect(error.init?.status).toBe(404)
    expect(error.data.message.en).toBe('Article not found.')
  })
})

describe('result loader', () => {
  it('opens only for the learner who made the attempt', async () => {
    const slug = fixtureArticle.meta.slug
    const fields: [string, string][] = [
      ['clientToken', crypto.randomUUID()],
      ['displayName', 'مالك'],
      ...answers(await quizQuestions(slug)),
    ]
    const res = (await submit(slug, fields)) as Response
    const attemptId = res.headers.get('Location')!.split('/').pop()!
    const load = (cookie?: string) =>
      attemptLoader({
        request: getRequest(`http://localhost/attempts/${attemptId}`, cookie),
        params: { attemptId },
        context: {},
      })

    const own = await load(cookieFrom(res))
    expect(own.result).toMatchObject({ id: attemptId, score: 3, total: 4, learnerName: 'مالك' })
    const wrong = own.result.items[1]!
    expect(wrong).toMatchObject({ correct: false, answer: 'خطأ', key: 'صح' })
    expect(wrong.evidence).toEqual({
      sentenceId: 's2',
      // One sentence on each side of the evidence's sentence.
      before:
        'استقبل الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في قاعدة فوستوتشني الفضائية. ' +
        'وقال بوتين إن ',
      evidence: 'موسكو ستساعد كوريا الشمالية على بناء أقمار اصطناعية',
      after: '. وأطلقت بيونغ يانغ صاروخين بالستيين يوم الأربعاء 13 سبتمبر.',
    })

    const other = await prisma.learner.create({ data: { displayName: 'متطفل' } })
    for (const cookie of [await learnerCookie(other.id), undefined]) {
      const error = asData(await thrown(load(cookie)))
      expect(error.init?.status).toBe(404)
    }
    const missing = asData(
      await thrown(
        attemptLoader({
          request: getRequest('http://localhost/attempts/nope', cookieFrom(res)),
          params: { attemptId: 'nope' },
          context: {},
        }),
      ),
    )
    expect(missing.init?.status).toBe(404)
  })
})
