/**
 * The review queue and recording reviews.
 *
 * The queue of a learner at `now`, in their learner day (time zone, 04:00 rollover, `learner-day.ts`):
 * 1. **Due cards**, most overdue first (ascending due): Review cards due before the end of the learner's
 *    day (review intervals are whole days, so a card due at 15:00 is today's card at 09:00, as in Anki),
 *    and Learning / Relearning cards whose step is due (due ≤ now).
 * 2. **New cards**, in order of due (creation order, see `card.server.ts`), up to the learner's daily limit
 *    (`newCardsPerDay`, default 20) less the new cards already introduced this learner day. A card
 *    "introduced" is one whose first review came from the review page; missed quiz questions do not count.
 * 3. **Learning cards ahead of time**: Learning / Relearning steps due within {@link LEARN_AHEAD_MS}
 *    (Anki's learn-ahead limit), soonest first. They come last so a card rated a minute ago does not
 *    return before its step is up while other cards wait.
 *
 * Every card query filters on `learnerId` and a range of `due`, served by the Card (learnerId, due) index;
 * the daily count of introduced cards uses ReviewLog (learnerId, review).
 *
 * A review is applied once: the post carries the card's `version`, and the write only happens if that
 * version is still current, in one transaction with its ReviewLog, which is unique per (card, version)
 * (`writeReviewAtomically`).
 */
import { prisma } from '~/db.server'
import { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import { gradeTypedAnswer, type TypedDirection } from './answer-grading'
import { cardStateSelect, writeReviewAtomically, type CardDirection, type ReviewSource } from './card.server'
import { FahmError, NotFoundError } from './errors'
import { SqlInt, queryRows } from './insight/queries.server'
import { adoptTimeZone } from './learner.server'
import { FALLBACK_TIME_ZONE, learnerDayOf, type LearnerDay } from './learner-day'
import { reviewMessages } from './review-fields'
import { State, reviveCardState, scheduleReview, schedulerFor, type Grade } from './scheduler.server'

/** Learning cards due within this time are shown now (Anki's default learn-ahead limit, 20 minutes). */
export const LEARN_AHEAD_MS = 20 * 60_000

/** Most non-new cards read per queue load; a larger backlog is counted instead (its order is by due). */
const QUEUE_READ_CAP = 1000

/** Longest answer time stored in a ReviewLog (ms); longer measurements are capped. */
export const MAX_DURATION_MS = 10 * 60_000

/** The learner fields scheduling needs. */
export interface LearnerSchedule {
  id: string
  /** IANA zone ({@link FALLBACK_TIME_ZONE} until a browser reports one). */
  timeZone: string
  desiredRetention: number
  newCardsPerDay: number
}

const LearnerScheduleRow = z.object({
  id: z.string(),
  timeZone: z.string().nullable(),
  desiredRetention: z.number(),
  newCardsPerDay: SqlInt,
})

/**
 * A learner's scheduling settings (one raw statement: it runs on every page a learner opens, through the
 * header's count, and Prisma's query compiler costs several times the query itself).
 * @throws NotFoundError when the learner does not exist.
 */
export async function getLearnerSchedule(learnerId: string): Promise<LearnerSchedule> {
  const [row] = await queryRows(
    LearnerScheduleRow,
    Prisma.sql`SELECT "id", "timeZone", "desiredRetention", "newCardsPerDay" FROM "Learner" WHERE "id" = ${learnerId}`,
  )
  if (!row) throw new NotFoundError('Learner')
  return { ...row, timeZone: row.timeZone ?? FALLBACK_TIME_ZONE }
}

/**
 * The filter of a learner's non-new cards in today's queue at `now`: groups 1 and 3 (see the module header),
 * read in one query and told apart by {@link isAhead}.
 * @param day the learner day containing `now`.
 */
export function queuedCardsWhere(learnerId: string, day: LearnerDay, now: Date): Prisma.CardWhereInput {
  return {
    learnerId,
    due: { lt: day.end },
    state: { not: State.New },
    OR: [{ state: State.Review }, { due: { lte: new Date(now.getTime() + LEARN_AHEAD_MS) } }],
  }
}

/** True for a learning step not yet due (group 3, learn-ahead); false for a due card (group 1). */
export function isAhead(card: { state: number; due: Date }, now: Date): boolean {
  return card.state !== State.Review && card.due.getTime() > now.getTime()
}

/** The filter of a learner's new cards that may be introduced during `day`. */
export function newCardsWhere(learnerId: string, day: LearnerDay): Prisma.CardWhereInput {
  return { learnerId, due: { lt: day.end }, state: State.New }
}

/** The filter of the reviews that introduced a new card during `day` (from the review page, not a quiz). */
export function introducedWhere(learnerId: string, day: LearnerDay): Prisma.ReviewLogWhereInput {
  return { learnerId, review: { gte: day.start, lt: day.end }, state: State.New, source: { not: 'quiz' } }
}

/** One card of the queue. */
export interface QueueEntry {
  id: string
  direction: CardDirection
  state: State
  due: Date
}

/** A learner's queue at an instant. */
export interface ReviewQueue {
  learner: LearnerSchedule
  day: LearnerDay
  /** The first `limit` cards of the queue: due cards, new cards, learning steps ahead of time. */
  entries: QueueEntry[]
  /** All non-new cards in the queue (due cards and learning steps within the learn-ahead window). */
  dueCount: number
  /** New cards the queue will still introduce today (within the daily limit). */
  newCount: number
  /** New cards introduced so far this learner day. */
  introducedToday: number
}

const queueSelect = { id: true, direction: true, state: true, due: true } as const

function toEntry(row: { id: string; direction: string; state: number; due: Date }): QueueEntry {
  return { id: row.id, direction: row.direction as CardDirection, state: row.state as State, due: row.due }
}

/**
 * A learner's review queue (see the module header for its order and limits).
 * @param learnerId the learner.
 * @param now the current instant.
 * @param options.limit how many entries to return (default 20); counts cover the whole queue.
 * @returns the learner's settings, the learner day, the first entries and the counts.
 * @throws NotFoundError when the learner does not exist.
 * @example
 * const { entries, dueCount, newCount } = await getReviewQueue(learnerId, new Date())
 */
export async function getReviewQueue(learnerId: string, now: Date, options: { limit?: number } = {}): Promise<ReviewQueue> {
  const limit = options.limit ?? 20
  const learner = await getLearnerSchedule(learnerId)
  const day = learnerDayOf(now, learner.timeZone)
  const queuedWhere = queuedCardsWhere(learnerId, day, now)
  const byDue = [{ due: 'asc' as const }, { id: 'asc' as const }]
  // Three independent reads (the adapter pipelines them on its connection): today's non-new cards, the
  // new cards that could be introduced (never more than the daily limit), and how many were introduced.
  const [queued, newRows, introducedToday] = await Promise.all([
    prisma.card.findMany({ where: queuedWhere, orderBy: byDue, take: QUEUE_READ_CAP, select: queueSelect }),
    learner.newCardsPerDay > 0
      ? prisma.card.findMany({ where: newCardsWhere(learnerId, day), orderBy: byDue, take: learner.newCardsPerDay, select: queueSelect })
      : Promise.resolve([]),
    prisma.reviewLog.count({ where: introducedWhere(learnerId, day) }),
  ])
  const due = queued.filter((c) => !isAhead(c, now))
  const ahead = queued.filter((c) => isAhead(c, now))
  const fresh = newRows.slice(0, Math.max(0, learner.newCardsPerDay - introducedToday))
  // A backlog larger than the cap is counted, not read.
  const queuedCount = queued.length < QUEUE_READ_CAP ? queued.length : await prisma.card.count({ where: queuedWhere })
  return {
    learner,
    day,
    entries: [...due, ...fresh, ...ahead].slice(0, limit).map(toEntry),
    dueCount: queuedCount,
    newCount: fresh.length,
    introducedToday,
  }
}

const ReviewableCountsRow = z.object({ queued: SqlInt, fresh: SqlInt, introduced: SqlInt })

/**
 * How many cards the learner can review now (due plus new within today's limit), for the site header:
 * `dueCount + newCount` of {@link getReviewQueue}, counted in one SQL statement after the learner's settings
 * (the header is on every page; the queue's four Prisma queries cost about 4 ms of CPU). The three counts
 * are the filters of {@link queuedCardsWhere}, {@link newCardsWhere} (at most `newCardsPerDay` rows) and
 * {@link introducedWhere}, written in SQL; `tests/review-count.test.ts` checks both agree.
 * @param learnerId the learner.
 * @param now the current instant.
 * @returns the count, or null when the learner does not exist.
 */
export async function countReviewable(learnerId: string, now: Date): Promise<number | null> {
  let learner: LearnerSchedule
  try {
    learner = await getLearnerSchedule(learnerId)
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
  const day = learnerDayOf(now, learner.timeZone)
  const aheadUntil = new Date(now.getTime() + LEARN_AHEAD_MS)
  // Dates are bound as Prisma binds them in its own filters (the adapter's ISO 8601 text), so the
  // comparisons are the ones getReviewQueue makes.
  const [counts] = await queryRows(
    ReviewableCountsRow,
    Prisma.sql`SELECT
      (SELECT COUNT(*) FROM "Card" WHERE "learnerId" = ${learnerId} AND "due" < ${day.end} AND "state" <> ${State.New}
          AND ("state" = ${State.Review} OR "due" <= ${aheadUntil})) AS queued,
      (SELECT COUNT(*) FROM (SELECT 1 FROM "Card" WHERE "learnerId" = ${learnerId} AND "due" < ${day.end}
          AND "state" = ${State.New} LIMIT ${learner.newCardsPerDay})) AS fresh,
      (SELECT COUNT(*) FROM "ReviewLog" WHERE "learnerId" = ${learnerId} AND "review" >= ${day.start}
          AND "review" < ${day.end} AND "state" = ${State.New} AND "source" <> 'quiz') AS introduced`,
  )
  if (!counts) throw new Error('count query returned no row')
  return counts.queued + Math.min(counts.fresh, Math.max(0, learner.newCardsPerDay - counts.introduced))
}

/**
 * When the learner's next learning card outside the learn-ahead window becomes due, for the "come back
 * later" line of an empty queue.
 * @returns the instant, or null when no learning card waits later today.
 */
export async function nextLearningDue(learnerId: string, day: LearnerDay, now: Date): Promise<Date | null> {
  const row = await prisma.card.findFirst({
    where: {
      learnerId,
      due: { gt: new Date(now.getTime() + LEARN_AHEAD_MS), lt: day.end },
      state: { in: [State.Learning, State.Relearning] },
    },
    orderBy: { due: 'asc' },
    select: { due: true },
  })
  return row?.due ?? null
}

/** A self-rating or a typed answer, as posted. */
export type ReviewResponse = { kind: 'rating'; rating: Grade } | { kind: 'answer'; answer: string }

/** The outcome of {@link recordReview}. */
export type RecordReviewResult =
  /** The review was applied; `logId` is its ReviewLog. */
  | { status: 'recorded'; logId: string }
  /** The card's version had moved on (a repeated post): nothing was written. */
  | { status: 'already_reviewed' }

/** The post does not fit the card: a self-rating for a typed card, or a typed answer for a self-rated one. */
export class ReviewInputError extends FahmError {
  override name = 'ReviewInputError'
}

/** Directions graded from a typed answer; the others take the learner's rating. */
export function isTypedDirection(direction: string): direction is TypedDirection {
  return direction === 'production' || direction === 'cloze'
}

/**
 * Time to answer, from the instant the page showed the card.
 * @returns milliseconds capped at {@link MAX_DURATION_MS}; null when unknown, in the future, or more than a
 *   day old (a stale tab says nothing about recall).
 */
export function measureDuration(shownAt: Date | null, now: Date): number | null {
  if (!shownAt) return null
  const ms = now.getTime() - shownAt.getTime()
  if (ms < 0 || ms > 86_400_000) return null
  return Math.min(ms, MAX_DURATION_MS)
}

/**
 * Records one review of a learner's card: grades a typed answer (production, cloze) or takes the learner's
 * rating (recognition, question), applies it with ts-fsrs at `now`, and writes the card and its ReviewLog
 * in one transaction — only if the card is still at `version` (`writeReviewAtomically`).
 * @param input.learnerId the session's learner.
 * @param input.cardId the card shown.
 * @param input.version the card version the page showed.
 * @param input.response the rating (1–4) or the typed answer ('' for "I don't know").
 * @param input.shownAt when the page showed the card (for the answer time), or null.
 * @param input.timeZone the browser's IANA zone from the form, or null; stored if the learner has none yet.
 * @param input.now the review time.
 * @returns `recorded` with the log id, or `already_reviewed` when the version is no longer current (also
 *   when another request with the same version won the race): then nothing is written.
 * @throws NotFoundError when the card does not exist or belongs to another learner.
 * @throws ReviewInputError when the response kind does not fit the card's direction.
 */
export async function recordReview(input: {
  learnerId: string
  cardId: string
  version: number
  response: ReviewResponse
  shownAt: Date | null
  timeZone?: string | null
  now: Date
}): Promise<RecordReviewResult> {
  const { learnerId, cardId, version, response, now } = input
  // Card and learner in parallel (the learner id comes from the session); the item only for typed cards.
  const [card, learner] = await Promise.all([
    prisma.card.findUnique({
      where: { id: cardId },
      select: { id: true, learnerId: true, direction: true, version: true, vocabularyItemId: true, ...cardStateSelect },
    }),
    prisma.learner.findUnique({ where: { id: learnerId }, select: { desiredRetention: true, timeZone: true } }),
  ])
  if (!card || !learner || card.learnerId !== learnerId) throw new NotFoundError('Card')
  if (card.version !== version) return { status: 'already_reviewed' }
  if (input.timeZone && learner.timeZone === null) await adoptTimeZone(prisma, learnerId, input.timeZone)

  const durationMs = measureDuration(input.shownAt, now)
  let rating: Grade
  let source: ReviewSource
  let answer: string | null = null
  let correct: boolean | null = null
  if (isTypedDirection(card.direction)) {
    const item =
      response.kind === 'answer' && card.vocabularyItemId
        ? await prisma.vocabularyItem.findUnique({ where: { id: card.vocabularyItemId }, select: { surface: true, lemma: true } })
        : null
    if (response.kind !== 'answer' || !item) throw new ReviewInputError(reviewMessages.typed_card_needs_answer)
    const grade = gradeTypedAnswer({ direction: card.direction, ...item }, response.answer, durationMs)
    rating = grade.rating
    source = 'graded'
    answer = response.answer.trim()
    correct = grade.correct
  } else {
    if (response.kind !== 'rating') throw new ReviewInputError(reviewMessages.self_rated_card_needs_rating)
    rating = response.rating
    source = 'self'
  }

  const scheduled = scheduleReview(schedulerFor(learner.desiredRetention), reviveCardState(card), card.id, now, rating)
  const logId = await writeReviewAtomically(prisma, { cardId, learnerId, version, scheduled, source, durationMs, answer, correct })
  return logId ? { status: 'recorded', logId } : { status: 'already_reviewed' }
}
