/**
 * The review page and recording reviews, against a real SQLite copy: stored schedules equal ts-fsrs's for
 * the same card, rating and clock; typed answers graded by the app; idempotent posts (concurrent and
 * repeated); the page's JSON (ISO dates that revive into the same schedule), the no-JavaScript reveal, the
 * feedback line, the header count and the statistics. Ends with the "done when": a learner who
 * finished the Vostochny quiz reviews their cards.
 */
import { Rating, fsrs, generatorParameters, type Card as FsrsCard, type Grade } from 'ts-fsrs'
import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { StringListSchema } from '~/models/bank-json'
import { answerFieldName } from '~/models/quiz-form'
import { getLearnerStats } from '~/models/review-stats.server'
import { recordReview } from '~/models/review.server'
import { State, reviveCardState, type CardState } from '~/models/scheduler.server'
import { seedContent } from '~/models/seed.server'
import { loader as rootLoader } from '~/root'
import { action as quizAction } from '~/routes/articles.$slug.quiz'
import { action as reviewAction, loader as reviewLoader } from '~/routes/review._index'
import { action as statsAction, loader as statsLoader } from '~/routes/review.stats'
import { asData, cookieFrom, formRequest, getRequest, learnerCookie, thrown } from './helpers/app'
import { makeCard, makeLearner, vocabularyItemIds } from './helpers/review'

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })
const items = await vocabularyItemIds()

const minutes = (n: number) => n * 60_000
const days = (n: number) => n * 86_400_000
const shift = (d: Date, ms: number) => new Date(d.getTime() + ms)
const theirs = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }))

function asFsrs(s: CardState): FsrsCard {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReview ?? undefined,
  }
}

async function stateOf(cardId: string) {
  const row = await prisma.card.findUniqueOrThrow({ where: { id: cardId } })
  return { row, state: reviveCardState(row) }
}

const reviewUrl = 'http://localhost/review'
const post = (fields: [string, string][], cookie: string) =>
  reviewAction({ request: formRequest(reviewUrl, fields, cookie), params: {}, context: {} })
const load = async (cookie: string, query = '') => {
  const { page } = await reviewLoader({ request: getRequest(`${reviewUrl}${query}`, cookie), params: {}, context: {} })
  if (!page) throw new Error('expected a review page')
  return page
}

describe('recordReview stores what ts-fsrs computes', () => {
  it('for a review card rated with each rating on a fixed clock, with a full ReviewLog', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh' })
    const now = new Date('2026-05-10T08:00:00Z')
    for (const [k, rating] of ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]).entries()) {
      const cardId = await makeCard({ learnerId, vocabularyItemId: items[k]!, state: State.Review, due: shift(now, -days(2)) })
      const before = await stateOf(cardId)
      const result = await recordReview({
        learnerId,
        cardId,
        version: 0,
        response: { kind: 'rating', rating },
        shownAt: shift(now, -4_000),
        now,
      })
      expect(result.status).toBe('recorded')
      const expected = theirs.next(asFsrs(before.state), now, rating)
      const after = await stateOf(cardId)
      expect(asFsrs(after.state)).toEqual(expected.card)
      expect(after.row.version).toBe(1)
      const log = await prisma.reviewLog.findUniqueOrThrow({ where: { cardId_cardVersion: { cardId, cardVersion: 0 } } })
      expect(log).toMatchObject({
        learnerId,
        rating,
        state: expected.log.state,
        due: expected.log.due,
        stability: expected.log.stability,
        difficulty: expected.log.difficulty,
        elapsedDays: expected.log.elapsed_days,
        lastElapsedDays: expected.log.last_elapsed_days,
        scheduledDays: expected.log.scheduled_days,
        learningSteps: expected.log.learning_steps,
        review: now,
        durationMs: 4_000,
        source: 'self',
        answer: null,
        correct: null,
      })
    }
  })

  it('grades typed cloze and production answers (correct and fast → Good, wrong → Again, lemma in a cloze → Hard)', async () => {
    const learnerId = await makeLearner()
    const item = await prisma.vocabularyItem.findFirstOrThrow({
      where: { termStart: { not: null }, NOT: { surface: { equals: prisma.vocabularyItem.fields.lemma } } },
    })
    const now = new Date('2026-05-10T08:00:00Z')
    const cases: { direction: 'cloze' | 'production'; answer: string; rating: Grade; correct: boolean }[] = [
      { direction: 'cloze', answer: item.surface, rating: Rating.Good, correct: true },
      { direction: 'cloze', answer: item.lemma, rating: Rating.Hard, correct: false },
      { direction: 'production', answer: 'كلمة أخرى', rating: Rating.Again, correct: false },
    ]
    for (const c of cases) {
      await prisma.card.deleteMany({ where: { learnerId } })
      const cardId = await makeCard({ learnerId, vocabularyItemId: item.id, direction: c.direction, state: State.Review, due: now })
      const before = await stateOf(cardId)
      await recordReview({ learnerId, cardId, version: 0, response: { kind: 'answer', answer: c.answer }, shownAt: shift(now, -2_000), now })
      const log = await prisma.reviewLog.findFirstOrThrow({ where: { cardId } })
      expect(log).toMatchObject({ rating: c.rating, source: 'graded', answer: c.answer, correct: c.correct })
      expect(asFsrs((await stateOf(cardId)).state)).toEqual(theirs.next(asFsrs(before.state), now, c.rating).card)
    }
  })

  it('refuses a self-rating for a typed card and a typed answer for a self-rated one (400), and foreign cards (404)', async () => {
    const learnerId = await makeLearner()
    const cookie = await learnerCookie(learnerId)
    const now = new Date()
    const typed = await makeCard({ learnerId, vocabularyItemId: items[0]!, direction: 'production', state: State.New, due: now })
    const self = await makeCard({ learnerId, vocabularyItemId: items[0]!, direction: 'recognition', state: State.New, due: now })
    const rate = asData<{ message: { en: string } }>(
      await thrown(post([['intent', 'rate'], ['cardId', typed], ['version', '0'], ['rating', '3']], cookie)),
    )
    expect(rate.init?.status).toBe(400)
    expect(rate.data.message.en).toMatch(/graded from your typed answer/)
    const answer = asData(await thrown(post([['intent', 'answer'], ['cardId', self], ['version', '0'], ['answer', 'x']], cookie)))
    expect(answer.init?.status).toBe(400)
    const other = await learnerCookie(await makeLearner())
    const foreign = asData(await thrown(post([['intent', 'rate'], ['cardId', self], ['version', '0'], ['rating', '3']], other)))
    expect(foreign.init?.status).toBe(404)
    const malformed = asData<{ notice: string }>(await post([['intent', 'rate'], ['cardId', self], ['version', 'x']], cookie))
    expect(malformed.init?.status).toBe(400)
    expect(malformed.data.notice).toBe('invalid_post')
    expect(await prisma.reviewLog.count({ where: { cardId: { in: [typed, self] } } })).toBe(0)
  })
})

describe('idempotent reviews', () => {
  it('applies one of two concurrent posts of the same version; the other answers 409 "already reviewed"', async () => {
    const learnerId = await makeLearner()
    const cookie = await learnerCookie(learnerId)
    const cardId = await makeCard({ learnerId, vocabularyItemId: items[0]!, state: State.Review, due: shift(new Date(), -days(1)) })
    const fields: [string, string][] = [['intent', 'rate'], ['cardId', cardId], ['version', '0'], ['rating', '3']]
    const results = await Promise.all([post(fields, cookie), post(fields, cookie)])
    const redirects = results.filter((r) => r instanceof Response)
    const conflicts = results.filter((r) => !(r instanceof Response)).map((r) => asData<{ notice: string }>(r))
    expect(redirects).toHaveLength(1)
    expect((redirects[0] as Response).headers.get('Location')).toMatch(/^\/review\?last=/)
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]!.init?.status).toBe(409)
    expect(conflicts[0]!.data.notice).toBe('already_reviewed')
    const card = await prisma.card.findUniqueOrThrow({ where: { id: cardId } })
    expect(card).toMatchObject({ version: 1, reps: 4 })
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(1)

    // The back button: the same post later is still not applied.
    const repeated = asData<{ notice: string }>(await post(fields, cookie))
    expect(repeated.init?.status).toBe(409)
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(1)
  })

  it('records exactly one of many simultaneous domain calls with one version', async () => {
    const learnerId = await makeLearner()
    const cardId = await makeCard({ learnerId, vocabularyItemId: items[1]!, state: State.New, due: new Date() })
    const now = new Date()
    const outcomes = await Promise.all(
      ([1, 2, 3, 4, 3] as Grade[]).map((rating) =>
        recordReview({ learnerId, cardId, version: 0, response: { kind: 'rating', rating }, shownAt: null, now }),
      ),
    )
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1)
    expect(await prisma.reviewLog.count({ where: { cardId } })).toBe(1)
    expect(await prisma.card.findUniqueOrThrow({ where: { id: cardId } })).toMatchObject({ version: 1, reps: 1 })
  })
})

describe('the review page', () => {
  it('sends ISO dates that revive into the same schedule, previews from ts-fsrs, and never the typed answer', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh' })
    const cookie = await learnerCookie(learnerId)
    const now = new Date()
    const recognition = await makeCard({ learnerId, vocabularyItemId: items[2]!, state: State.Review, due: shift(now, -days(3)) })
    const production = await makeCard({
      learnerId,
      vocabularyItemId: items[2]!,
      direction: 'production',
      state: State.Review,
      due: shift(now, -days(1)),
    })
    const page = await load(cookie)
    const json = JSON.parse(JSON.stringify(page)) as typeof page
    expect(json).toEqual(page)
    const card = json.card!
    expect(card.id).toBe(recognition)
    expect(card.mode).toBe('self')
    expect(typeof card.state.due).toBe('string')
    const revived = reviveCardState(card.state)
    expect(revived).toEqual((await stateOf(recognition)).state)
    // The previews are ts-fsrs's repeat() of the revived card at the loader's clock (shownAt).
    const shownAt = new Date(page.shownAt)
    const preview = theirs.repeat(asFsrs(revived), shownAt)
    expect(card.previews!.map((p) => p.due)).toEqual(
      ([1, 2, 3, 4] as Grade[]).map((g) => preview[g].card.due.toISOString()),
    )
    expect(card.previews!.map((p) => p.interval).every((s) => s.length > 0)).toBe(true)
    expect(page.revealed).toBe(false)
    expect(page.counts).toEqual({ due: 2, new: 0 })

    // Rate it; the next card is the production card, whose Arabic answer is not in the page data.
    const rated = (await post(
      [['intent', 'rate'], ['cardId', recognition], ['version', '0'], ['rating', '3'], ['shownAt', page.shownAt]],
      cookie,
    )) as Response
    const next = await load(cookie, rated.headers.get('Location')!.replace('/review', ''))
    expect(next.card!.id).toBe(production)
    expect(next.card!.face).toEqual({ direction: 'production', glossEn: expect.any(String), root: expect.anything() })
    const item = await prisma.vocabularyItem.findUniqueOrThrow({ where: { id: items[2]! } })
    expect(JSON.stringify(next.card)).not.toContain(item.lemma)
    // The feedback line names the rating and the next due date the FSRS way.
    expect(next.feedback).toMatchObject({ rating: 3, source: 'self', next: { due: expect.any(String) } })
    const after = await stateOf(recognition)
    expect(next.feedback!.next!.due).toBe(after.row.due.toISOString())
  })

  it('reveals the answer without JavaScript through ?reveal=<card id>, keeping the time it was first shown', async () => {
    const learnerId = await makeLearner()
    const cookie = await learnerCookie(learnerId)
    const cardId = await makeCard({ learnerId, vocabularyItemId: items[3]!, state: State.Review, due: shift(new Date(), -days(1)) })
    const front = await load(cookie)
    expect(front.revealed).toBe(false)
    const back = await load(cookie, `?reveal=${cardId}&shownAt=${encodeURIComponent(front.shownAt)}`)
    expect(back.revealed).toBe(true)
    expect(back.shownAt).toBe(front.shownAt)
    // A reveal naming another card shows the front.
    expect((await load(cookie, '?reveal=someothercard')).revealed).toBe(false)
  })

  it('answers a visitor without a learner with an invitation, and the action with 404', async () => {
    const { page } = await reviewLoader({ request: getRequest(reviewUrl), params: {}, context: {} })
    expect(page).toBe(null)
    const error = asData(await thrown(reviewAction({ request: formRequest(reviewUrl, [['intent', 'rate']]), params: {}, context: {} })))
    expect(error.init?.status).toBe(404)
  })
})

describe('header count and statistics', () => {
  it('counts due and new cards for the header', async () => {
    const learnerId = await makeLearner({ newCardsPerDay: 2 })
    const cookie = await learnerCookie(learnerId)
    const now = new Date()
    await makeCard({ learnerId, vocabularyItemId: items[0]!, state: State.Review, due: shift(now, -days(1)) })
    for (const k of [1, 2, 3]) await makeCard({ learnerId, vocabularyItemId: items[k]!, state: State.New, due: shift(now, -minutes(k)) })
    const root = await rootLoader({ request: getRequest('http://localhost/', cookie), params: {}, context: {} })
    expect(root.reviewable).toBe(3)
    const anonymous = await rootLoader({ request: getRequest('http://localhost/'), params: {}, context: {} })
    expect(anonymous.reviewable).toBe(null)
  })

  it('computes due counts, reviews per learner day (23:30 local belongs to that day) and true retention', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh' })
    // 1 December 2026, 12:00 in Riyadh.
    const now = new Date('2026-12-01T09:00:00Z')
    await makeCard({ learnerId, vocabularyItemId: items[0]!, state: State.Review, due: shift(now, -days(2)) })
    await makeCard({ learnerId, vocabularyItemId: items[1]!, state: State.Review, due: new Date('2026-12-02T00:30:00Z') }) // 03:30 local 2 Dec: today
    await makeCard({ learnerId, vocabularyItemId: items[2]!, state: State.Review, due: new Date('2026-12-02T02:00:00Z') }) // tomorrow
    await makeCard({ learnerId, vocabularyItemId: items[3]!, state: State.Review, due: new Date('2026-12-06T12:00:00Z') }) // day 6
    await makeCard({ learnerId, vocabularyItemId: items[4]!, state: State.Review, due: new Date('2026-12-09T12:00:00Z') }) // day 9
    await makeCard({ learnerId, vocabularyItemId: items[5]!, state: State.New, due: now })
    const cardId = await makeCard({ learnerId, vocabularyItemId: items[6]!, state: State.Learning, due: shift(now, minutes(5)) })
    const log = (review: Date, rating: number, state: State, scheduledDays: number, version: number) =>
      prisma.reviewLog.create({
        data: {
          cardId,
          learnerId,
          cardVersion: version,
          rating,
          state,
          due: review,
          stability: 30,
          difficulty: 5,
          elapsedDays: scheduledDays,
          lastElapsedDays: 0,
          scheduledDays,
          learningSteps: 0,
          review,
          source: 'self',
        },
      })
    await log(new Date('2026-11-30T20:30:00Z'), 3, State.Review, 25, 0) // 23:30 local on 30 November: mature, passed
    await log(new Date('2026-11-30T21:30:00Z'), 1, State.Review, 40, 1) // 00:30 local on 1 December, still 30 November's day: mature, failed
    await log(new Date('2026-12-01T05:00:00Z'), 3, State.Review, 21, 2) // 1 December: mature (21 days), passed
    await log(new Date('2026-12-01T06:00:00Z'), 1, State.Review, 20, 3) // young: not counted
    await log(new Date('2026-12-01T07:00:00Z'), 3, State.Learning, 0, 4) // learning: not counted

    const stats = await getLearnerStats(learnerId, now)
    expect(stats.today.key).toBe('2026-12-01')
    expect(stats.due).toEqual({ today: 3, tomorrow: 1, next7Days: 5 })
    expect(stats.newWaiting).toBe(1)
    expect(stats.cards).toMatchObject({ total: 7, new: 1, learning: 1, review: 5 })
    expect(stats.reviewsPerDay).toHaveLength(30)
    expect(stats.reviewsPerDay.at(-1)).toMatchObject({ key: '2026-12-01', reviews: 3, again: 1 })
    expect(stats.reviewsPerDay.at(-2)).toMatchObject({ key: '2026-11-30', reviews: 2, again: 1 })
    expect(stats.reviewsPerDay.slice(0, -2).every((d) => d.reviews === 0)).toBe(true)
    expect(stats.retention).toEqual({ matureReviews: 3, passed: 2, rate: 2 / 3 })
  })

  it('saves settings from the stats page and refuses invalid ones', async () => {
    const learnerId = await makeLearner()
    const cookie = await learnerCookie(learnerId)
    const url = 'http://localhost/review/stats'
    const bad = asData<{ errors: { fields: Record<string, string> } }>(
      await statsAction({
        request: formRequest(url, [['timeZone', 'Mars/Olympus'], ['desiredRetentionPercent', '99'], ['newCardsPerDay', '5']], cookie),
        params: {},
        context: {},
      }),
    )
    expect(bad.init?.status).toBe(400)
    expect(bad.data.errors.fields).toEqual({ timeZone: 'time_zone_invalid', desiredRetentionPercent: 'retention_out_of_range' })
    const ok = (await statsAction({
      request: formRequest(url, [['timeZone', 'Africa/Cairo'], ['desiredRetentionPercent', '85'], ['newCardsPerDay', '10']], cookie),
      params: {},
      context: {},
    })) as Response
    expect(ok.status).toBe(302)
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } })).toMatchObject({
      timeZone: 'Africa/Cairo',
      desiredRetention: 0.85,
      newCardsPerDay: 10,
    })
    const page = await statsLoader({ request: getRequest(`${url}?saved=1`, cookie), params: {}, context: {} })
    expect(page.learner).toMatchObject({ id: learnerId })
    if (!page.learner) throw new Error('unreachable')
    expect(page.saved).toBe(true)
    expect(page.timeZones).toContain('Africa/Cairo')
  })
})

describe('done when: a learner who finished the Vostochny quiz reviews their cards', () => {
  it('finds the missed questions first, then new vocabulary, and reviews them by rating, by typing and without JavaScript', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const slug = 'putin-kim-vostochny'
      vi.setSystemTime(new Date('2026-12-01T07:00:00Z'))
      const questions = (
        await prisma.question.findMany({
          where: { article: { slug }, retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
          orderBy: { quizPosition: 'asc' },
          select: { id: true, type: true, options: true, key: true },
        })
      ).map((q) => ({ ...q, options: StringListSchema.parse(JSON.parse(q.options)) }))
      const missed = [0, 2]
      const res = (await quizAction({
        request: formRequest(`http://localhost/articles/${slug}/quiz`, [
          ['clientToken', crypto.randomUUID()],
          ['displayName', 'هدى'],
          ['timeZone', 'Asia/Riyadh'],
          ...questions.map((q, i): [string, string] => [
            answerFieldName(q.id),
            missed.includes(i) ? (q.type === 'short_answer' ? 'لا أدري' : q.options.find((o) => o !== q.key)!) : q.key,
          ]),
        ]),
        params: { slug },
        context: {},
      })) as Response
      const cookie = cookieFrom(res)

      // One minute later: the two missed questions (a learning step after Again) are due, then 20 new cards.
      vi.setSystemTime(new Date('2026-12-01T07:01:00Z'))
      let page = await load(cookie)
      expect(page.counts).toEqual({ due: 2, new: 20 })
      expect(page.card!.direction).toBe('question')
      expect(missed.map((i) => questions[i]!.id)).toContain(
        (await prisma.card.findUniqueOrThrow({ where: { id: page.card!.id } })).questionId,
      )

      // Without JavaScript: reveal by GET, then rate Good with the four-button form.
      page = await load(cookie, `?reveal=${page.card!.id}&shownAt=${encodeURIComponent(page.shownAt)}`)
      expect(page.revealed).toBe(true)
      expect(page.card!.face).toMatchObject({ direction: 'question', answer: { key: expect.any(String) } })
      expect(page.card!.previews).toHaveLength(4)
      let done = (await post(
        [['intent', 'rate'], ['cardId', page.card!.id], ['version', String(page.card!.version)], ['rating', '3'], ['shownAt', page.shownAt]],
        cookie,
      )) as Response
      expect(done.status).toBe(302)
      page = await load(cookie, done.headers.get('Location')!.replace('/review', ''))
      expect(page.feedback).toMatchObject({ rating: 3, direction: 'question' })
      // The card rated Good waits for its 10-minute step: it is counted, but the other missed question comes first.
      expect(page.counts).toEqual({ due: 2, new: 20 })
      expect(page.feedback!.next!.interval).toBe('10 دقائق')
      // The due time (07:11 UTC) is shown in the learner's zone, Riyadh, and names it.
      expect(page.feedback!.next!.label).toBe('الثلاثاء، 1 ديسمبر 2026 في 10:11 ص غرينتش+3')
      expect(page.timeZone).toBe('Asia/Riyadh')

      // The second missed question, rated Again: it stays in learning steps.
      done = (await post(
        [['intent', 'rate'], ['cardId', page.card!.id], ['version', String(page.card!.version)], ['rating', '1']],
        cookie,
      )) as Response
      page = await load(cookie, done.headers.get('Location')!.replace('/review', ''))
      expect(page.feedback!.next!.interval).toMatch(/دقيق|دقائق/)

      // Next: a new recognition card (the two learning steps are not due yet), its sentence with the term
      // highlighted.
      expect(page.card!.direction).toBe('recognition')
      const face = page.card!.face
      if (face.direction !== 'recognition') throw new Error('unreachable')
      expect(face.sentence!.mark).toBe(face.term)

      // Two days later the cloze and production cards are due for introduction; answer one by typing.
      vi.setSystemTime(new Date('2026-12-03T07:30:00Z'))
      const learnerId = (await prisma.learner.findFirstOrThrow({ where: { displayName: 'هدى' } })).id
      const cloze = await prisma.card.findFirstOrThrow({
        where: { learnerId, direction: 'cloze' },
        orderBy: { due: 'asc' },
        include: { vocabularyItem: true },
      })
      done = (await post(
        [['intent', 'answer'], ['cardId', cloze.id], ['version', '0'], ['answer', cloze.vocabularyItem!.surface], ['shownAt', new Date(Date.now() - 3_000).toISOString()]],
        cookie,
      )) as Response
      page = await load(cookie, done.headers.get('Location')!.replace('/review', ''))
      expect(page.feedback).toMatchObject({ direction: 'cloze', source: 'graded', correct: true, rating: 3, term: cloze.vocabularyItem!.surface })
      expect(page.feedback!.sentence!.mark).toBe(cloze.vocabularyItem!.surface)
    } finally {
      vi.useRealTimers()
    }
  })
})
