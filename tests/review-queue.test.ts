/**
 * The review queue against a real SQLite copy: order (overdue first, then new cards), the daily limit of new
 * cards in the learner's time zone with the 04:00 rollover (UTC+3, and across a DST change in New York),
 * and the learn-ahead window for learning cards.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { getReviewQueue, countReviewable, LEARN_AHEAD_MS } from '~/models/review.server'
import { State } from '~/models/scheduler.server'
import { seedContent } from '~/models/seed.server'
import { makeCard, makeLearner, vocabularyItemIds } from './helpers/review'

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })

const minutes = (n: number) => n * 60_000
const hours = (n: number) => n * 3_600_000
const days = (n: number) => n * 86_400_000
const shift = (d: Date, ms: number) => new Date(d.getTime() + ms)

let items: string[] = []
beforeAll(async () => {
  items = await vocabularyItemIds()
})

/** Writes a review log that introduced a new card (state New before the review) at `review`. */
async function introduce(learnerId: string, cardId: string, review: Date, source = 'self') {
  const version = (await prisma.reviewLog.count({ where: { cardId } }))
  await prisma.reviewLog.create({
    data: {
      cardId,
      learnerId,
      cardVersion: version,
      rating: 3,
      state: State.New,
      due: review,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review,
      source,
    },
  })
}

describe('queue order and limits (learner in Asia/Riyadh, UTC+3)', () => {
  // 30 November 2026, 23:30 in Riyadh.
  const now = new Date('2026-11-30T20:30:00Z')

  it('puts due cards first (most overdue first), then new cards up to the daily limit, then learning steps ahead', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh', newCardsPerDay: 3 })
    let i = 0
    const card = (state: State, due: Date) => makeCard({ learnerId, vocabularyItemId: items[i++]!, state, due })
    const overdue3d = await card(State.Review, shift(now, -days(3)))
    const overdue1h = await card(State.Review, shift(now, -hours(1)))
    // 03:30 local on 1 December: still the learner day of 30 November (rollover at 04:00).
    const laterToday = await card(State.Review, new Date('2026-12-01T00:30:00Z'))
    // 04:30 local on 1 December: tomorrow.
    await card(State.Review, new Date('2026-12-01T01:30:00Z'))
    const learningSoon = await card(State.Learning, shift(now, minutes(5)))
    // A relearning step due in 30 minutes is outside the 20-minute learn-ahead window.
    await card(State.Relearning, shift(now, minutes(30)))
    const new1 = await card(State.New, shift(now, -days(2)))
    const new2 = await card(State.New, shift(now, -days(1)))
    const new3 = await card(State.New, shift(now, -hours(1)))
    await card(State.New, shift(now, -minutes(1)))
    // A sibling not to be introduced before tomorrow.
    await card(State.New, shift(now, days(1)))

    const queue = await getReviewQueue(learnerId, now, { limit: 50 })
    expect(queue.day.key).toBe('2026-11-30')
    expect(queue.entries.map((e) => e.id)).toEqual([overdue3d, overdue1h, laterToday, new1, new2, new3, learningSoon])
    expect(queue).toMatchObject({ dueCount: 4, newCount: 3, introducedToday: 0 })
    expect(await countReviewable(learnerId, now)).toBe(7)

    // A limit cuts the list, never the counts.
    const head = await getReviewQueue(learnerId, now, { limit: 1 })
    expect(head.entries.map((e) => e.id)).toEqual([overdue3d])
    expect(head).toMatchObject({ dueCount: 4, newCount: 3 })
  })

  it('counts a card introduced at 23:30 local against that day, and frees the limit at 04:00 local', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh', newCardsPerDay: 2 })
    const fresh = await Promise.all(
      [0, 1, 2, 3].map((k) => makeCard({ learnerId, vocabularyItemId: items[k]!, state: State.New, due: shift(now, -days(1) + k) })),
    )
    // Introduced at 23:30 local on 30 November (its card is no longer new).
    await introduce(learnerId, fresh[0]!, now)
    await prisma.card.update({ where: { id: fresh[0]! }, data: { state: State.Learning, due: shift(now, hours(5)) } })
    // A missed quiz question does not use the day's new-card budget.
    await introduce(learnerId, fresh[1]!, shift(now, -minutes(5)), 'quiz')
    await prisma.card.update({ where: { id: fresh[1]! }, data: { state: State.Learning, due: shift(now, hours(5)) } })

    const lateEvening = await getReviewQueue(learnerId, shift(now, minutes(10)))
    expect(lateEvening).toMatchObject({ introducedToday: 1, newCount: 1 })
    expect(lateEvening.entries.map((e) => e.id)).toEqual([fresh[2]])

    // 03:59 local on 1 December: same learner day, same limit.
    const beforeRollover = await getReviewQueue(learnerId, new Date('2026-12-01T00:59:00Z'))
    expect(beforeRollover).toMatchObject({ introducedToday: 1, newCount: 1 })
    expect(beforeRollover.day.key).toBe('2026-11-30')

    // 04:00 local: a new day, the full limit again.
    const afterRollover = await getReviewQueue(learnerId, new Date('2026-12-01T01:00:00Z'))
    expect(afterRollover.day.key).toBe('2026-12-01')
    expect(afterRollover).toMatchObject({ introducedToday: 0, newCount: 2 })
    expect(afterRollover.entries.slice(-2).map((e) => e.id)).toEqual([fresh[2], fresh[3]])
  })

  it('lets a learner without a known zone follow UTC', async () => {
    const learnerId = await makeLearner({ timeZone: null })
    const queue = await getReviewQueue(learnerId, now)
    expect(queue.learner.timeZone).toBe('UTC')
    expect(queue.day).toEqual({
      key: '2026-11-30',
      start: new Date('2026-11-30T04:00:00Z'),
      end: new Date('2026-12-01T04:00:00Z'),
    })
  })
})

describe('queue across the spring-forward change in America/New_York', () => {
  // 7 March 2026, 15:00 EST. This learner day ends at 04:00 EDT on 8 March = 08:00 UTC: 23 hours long.
  const now = new Date('2026-03-07T20:00:00Z')

  it('ends "today" at 04:00 local after the jump, not 24 hours after the day began', async () => {
    const learnerId = await makeLearner({ timeZone: 'America/New_York' })
    const inside = await makeCard({
      learnerId,
      vocabularyItemId: items[0]!,
      state: State.Review,
      due: new Date('2026-03-08T07:30:00Z'), // 03:30 EDT on 8 March
    })
    await makeCard({
      learnerId,
      vocabularyItemId: items[1]!,
      state: State.Review,
      due: new Date('2026-03-08T08:30:00Z'), // 04:30 EDT: tomorrow, though before start + 24 h (09:00 UTC)
    })
    const queue = await getReviewQueue(learnerId, now)
    expect(queue.day).toEqual({
      key: '2026-03-07',
      start: new Date('2026-03-07T09:00:00Z'),
      end: new Date('2026-03-08T08:00:00Z'),
    })
    expect(queue.entries.map((e) => e.id)).toEqual([inside])
  })
})

describe('learn-ahead window', () => {
  it('shows learning steps due within 20 minutes (after everything else) and holds back later ones', async () => {
    const now = new Date('2026-06-01T12:00:00Z')
    const learnerId = await makeLearner({ timeZone: 'UTC' })
    const edge = await makeCard({ learnerId, vocabularyItemId: items[0]!, state: State.Learning, due: shift(now, LEARN_AHEAD_MS) })
    await makeCard({ learnerId, vocabularyItemId: items[1]!, state: State.Learning, due: shift(now, LEARN_AHEAD_MS + 1000) })
    const queue = await getReviewQueue(learnerId, now)
    expect(queue.entries.map((e) => e.id)).toEqual([edge])
    // A step already due counts as due and comes before new cards.
    const dueStep = await makeCard({ learnerId, vocabularyItemId: items[2]!, state: State.Relearning, due: now })
    const fresh = await makeCard({ learnerId, vocabularyItemId: items[3]!, state: State.New, due: shift(now, -days(1)) })
    expect((await getReviewQueue(learnerId, now)).entries.map((e) => e.id)).toEqual([dueStep, fresh, edge])
  })
})
