/**
 * The header's count (`countReviewable`, one SQL statement) against the review queue it summarises
 * (`getReviewQueue`, Prisma filters): for random learners — time zone, daily new-card limit, cards in every
 * state with due dates around the learner's day and the learn-ahead window, reviews that introduced cards
 * today or yesterday, from the review page or a quiz — the count is `dueCount + newCount`, and the exact
 * values of two hand-made cases.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/db.server'
import { loadArticles, loadLexicon } from '~/lexicon/load.server'
import { countReviewable, getReviewQueue, LEARN_AHEAD_MS } from '~/models/review.server'
import { State } from '~/models/scheduler.server'
import { seedContent } from '~/models/seed.server'
import { makeCard, makeLearner, vocabularyItemIds } from './helpers/review'

await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })

const NOW = new Date('2026-11-30T20:30:00.000Z')
const minutes = (n: number) => n * 60_000
const shift = (ms: number) => new Date(NOW.getTime() + ms)

let items: string[] = []
beforeAll(async () => {
  items = await vocabularyItemIds()
})

async function logReview(learnerId: string, cardId: string, review: Date, source: string) {
  await prisma.reviewLog.create({
    data: {
      cardId,
      learnerId,
      cardVersion: await prisma.reviewLog.count({ where: { cardId } }),
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

describe('countReviewable', () => {
  it('equals the queue’s dueCount + newCount for random learners', async () => {
    const card = fc.record({
      state: fc.constantFrom(State.New, State.Learning, State.Review, State.Relearning),
      // From two days before to two days after now, with edges at the learn-ahead limit.
      dueMs: fc.oneof(fc.integer({ min: -2 * 1440, max: 2 * 1440 }).map(minutes), fc.constantFrom(0, LEARN_AHEAD_MS, LEARN_AHEAD_MS + 1)),
      introduced: fc.option(fc.record({ agoMs: fc.integer({ min: 0, max: 2 * 1440 }).map(minutes), source: fc.constantFrom('self', 'graded', 'quiz') })),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Asia/Riyadh', 'America/New_York', 'Pacific/Kiritimati', null),
        fc.integer({ min: 0, max: 6 }),
        fc.array(card, { maxLength: 14 }),
        async (timeZone, newCardsPerDay, cards) => {
          const learnerId = await makeLearner({ timeZone, newCardsPerDay })
          for (const [k, c] of cards.entries()) {
            const id = await makeCard({ learnerId, vocabularyItemId: items[k]!, state: c.state, due: shift(c.dueMs) })
            if (c.introduced) await logReview(learnerId, id, shift(-c.introduced.agoMs), c.introduced.source)
          }
          const queue = await getReviewQueue(learnerId, NOW)
          expect(await countReviewable(learnerId, NOW)).toBe(queue.dueCount + queue.newCount)
        },
      ),
      { numRuns: 40, seed: 20261130 },
    )
  })

  it('counts due, learn-ahead and new cards within the day’s remaining limit', async () => {
    const learnerId = await makeLearner({ timeZone: 'Asia/Riyadh', newCardsPerDay: 2 })
    let k = 0
    const card = (state: State, due: Date) => makeCard({ learnerId, vocabularyItemId: items[k++]!, state, due })
    await card(State.Review, shift(-minutes(600))) // due
    await card(State.Review, new Date('2026-12-01T00:59:00Z')) // 03:59 local: still today
    await card(State.Review, new Date('2026-12-01T01:00:00Z')) // 04:00 local: tomorrow
    await card(State.Learning, shift(LEARN_AHEAD_MS)) // within the learn-ahead window
    await card(State.Relearning, shift(LEARN_AHEAD_MS + 1)) // outside it
    const introduced = await card(State.Learning, shift(minutes(60)))
    await logReview(learnerId, introduced, shift(-minutes(30)), 'self')
    await card(State.New, shift(-minutes(5)))
    await card(State.New, shift(-minutes(4)))
    // Three queued cards, and one of the two new cards left in today's limit (one introduced at 23:00).
    expect(await countReviewable(learnerId, NOW)).toBe(4)
  })

  it('is null for an unknown learner and 0 for a learner without cards', async () => {
    expect(await countReviewable('nobody', NOW)).toBe(null)
    expect(await countReviewable(await makeLearner(), NOW)).toBe(0)
  })
})
