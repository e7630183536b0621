/**
 * Creating a learner's review cards, and writing one review of a card (shared by the review page and the
 * quiz). Cards are unique per (learner, item, direction) — the unique indexes guarantee it, and creation
 * reads what exists first so a repeated call creates nothing.
 *
 * Vocabulary items give three cards, introduced in this order: recognition (Arabic → English, self-rated),
 * cloze (the article sentence with the term blanked, typed) from the next day, production (English →
 * Arabic, typed) from the day after; siblings are spread out like Anki's sibling burying, so a learner
 * does not meet a word's production card minutes after its recognition card. A comprehension question the
 * learner missed in a quiz gives one card (direction question), reviewed with Again at the answer time.
 */
import type { PrismaClient } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import {
  Rating,
  newCardState,
  reviveCardState,
  scheduleReview,
  schedulerFor,
  type CardState,
  type ScheduledReview,
} from './scheduler.server'

/** A transaction (or the client itself): card creation runs inside the caller's transaction. */
export type Tx = Prisma.TransactionClient

/** Card directions: three per vocabulary item, one for a missed question. */
export const CARD_DIRECTIONS = ['recognition', 'cloze', 'production', 'question'] as const
export type CardDirection = (typeof CARD_DIRECTIONS)[number]
export type VocabularyDirection = Exclude<CardDirection, 'question'>

/** Days after creation before a vocabulary direction may be introduced (sibling spacing, see the header). */
export const DIRECTION_DELAY_DAYS: Record<VocabularyDirection, number> = { recognition: 0, cloze: 1, production: 2 }

/** How a review came about, stored in ReviewLog.source. */
export type ReviewSource = 'self' | 'graded' | 'quiz'

const DAY_MS = 86_400_000

/** The Card columns that hold the FSRS state (select them, then {@link reviveCardState}). */
export const cardStateSelect = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const

/** The Card columns that hold a card's FSRS state (one column per ts-fsrs field). */
export function stateColumns(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview,
  }
}

/**
 * Creates the learner's missing vocabulary cards for an article's active (not retired) items. Items without
 * term offsets get no cloze card (nothing to blank).
 * @param tx the transaction to write in.
 * @param input.learnerId the learner.
 * @param input.articleId the article whose items to add.
 * @param input.now creation time; new cards are due from `now` plus the direction's delay, plus the item's
 *   rank in milliseconds so they are introduced in article order.
 * @returns `created`: cards written now; `total`: the learner's cards of the article's active items after.
 */
export async function ensureVocabularyCards(
  tx: Tx,
  input: { learnerId: string; articleId: string; now: Date },
): Promise<{ created: number; total: number }> {
  const { learnerId, articleId, now } = input
  const items = await tx.vocabularyItem.findMany({
    where: { articleId, retired: false },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, termStart: true },
  })
  if (items.length === 0) return { created: 0, total: 0 }
  const existing = await tx.card.findMany({
    where: { learnerId, vocabularyItemId: { in: items.map((i) => i.id) } },
    select: { vocabularyItemId: true, direction: true },
  })
  const have = new Set(existing.map((c) => `${c.vocabularyItemId}|${c.direction}`))
  const rows = newVocabularyCardRows({ learnerId, items, have, now })
  if (rows.length > 0) await tx.card.createMany({ data: rows })
  return { created: rows.length, total: existing.length + rows.length }
}

/**
 * The new cards a learner gets for vocabulary items (the rule of {@link ensureVocabularyCards}, without I/O):
 * recognition, cloze (only when the item has term offsets) and production, each due after its
 * {@link DIRECTION_DELAY_DAYS} plus the item's position in milliseconds (article order).
 * @param input.items the items: id, bank position and term start (null: no cloze card).
 * @param input.have `${vocabularyItemId}|${direction}` of the cards the learner already has (skipped).
 * @param input.now creation time.
 * @returns Card rows to create (no id: the database gives one unless the caller sets it).
 */
export function newVocabularyCardRows(input: {
  learnerId: string
  items: readonly { id: string; position: number; termStart: number | null }[]
  have: ReadonlySet<string>
  now: Date
}): Prisma.CardCreateManyInput[] {
  const { learnerId, items, have, now } = input
  const rows: Prisma.CardCreateManyInput[] = []
  for (const item of items) {
    for (const direction of ['recognition', 'cloze', 'production'] as const) {
      if (direction === 'cloze' && item.termStart === null) continue
      if (have.has(`${item.id}|${direction}`)) continue
      const due = new Date(now.getTime() + DIRECTION_DELAY_DAYS[direction] * DAY_MS + item.position)
      rows.push({ learnerId, vocabularyItemId: item.id, direction, ...stateColumns(newCardState(now, due)), createdAt: now })
    }
  }
  return rows
}

/**
 * Records comprehension questions a learner answered wrongly in a quiz: each gets a card (created when
 * missing) reviewed with Again at the answer time, logged with source `quiz`. A question that already has a
 * card (missed in an earlier attempt) gets another Again review: missing it again is a lapse.
 * @param tx the transaction to write in (the quiz's attempt transaction).
 * @param input.questionIds the missed questions (duplicates ignored).
 * @param input.now the answer time (the attempt's submittedAt).
 * @param input.desiredRetention the learner's desired retention.
 * @returns `created`: new cards; `reviewed`: Again reviews written (new and existing cards).
 */
export async function recordMissedQuestions(
  tx: Tx,
  input: { learnerId: string; questionIds: string[]; now: Date; desiredRetention: number },
): Promise<{ created: number; reviewed: number }> {
  const { learnerId, now } = input
  const ids = [...new Set(input.questionIds)]
  if (ids.length === 0) return { created: 0, reviewed: 0 }
  const existing = await tx.card.findMany({
    where: { learnerId, questionId: { in: ids }, direction: 'question' },
    select: { id: true, questionId: true, version: true, ...cardStateSelect },
  })
  const byQuestion = new Map(existing.map((c) => [c.questionId, c]))
  const scheduler = schedulerFor(input.desiredRetention)
  let created = 0
  let reviewed = 0
  for (const questionId of ids) {
    let card = byQuestion.get(questionId)
    if (!card) {
      card = await tx.card.create({
        data: { learnerId, questionId, direction: 'question', ...stateColumns(newCardState(now)), createdAt: now },
        select: { id: true, questionId: true, version: true, ...cardStateSelect },
      })
      created++
    }
    const scheduled = scheduleReview(scheduler, reviveCardState(card), card.id, now, Rating.Again)
    const logId = await writeReview(tx, {
      cardId: card.id,
      learnerId,
      version: card.version,
      scheduled,
      source: 'quiz',
      durationMs: null,
      answer: null,
      correct: false,
    })
    if (logId) reviewed++
  }
  return { created, reviewed }
}

/** What a review writes: the card's new state and its ReviewLog. */
export interface ReviewWrite {
  cardId: string
  learnerId: string
  /** The version the review was computed from. */
  version: number
  scheduled: ScheduledReview
  source: ReviewSource
  durationMs: number | null
  answer: string | null
  correct: boolean | null
}

/** The ReviewLog row of a review (what {@link writeReview} inserts), for callers that write logs in bulk. */
export function reviewLogData(input: ReviewWrite): Prisma.ReviewLogUncheckedCreateInput {
  return {
    cardId: input.cardId,
    learnerId: input.learnerId,
    cardVersion: input.version,
    ...input.scheduled.log,
    durationMs: input.durationMs,
    source: input.source,
    answer: input.answer,
    correct: input.correct,
  }
}

function reviewedCardData(input: ReviewWrite) {
  return { ...stateColumns(input.scheduled.card), version: { increment: 1 } }
}

/**
 * Writes one review inside the caller's interactive transaction: the card's new state (only if its version
 * is still `input.version`, then version + 1) and its ReviewLog.
 * @returns the new ReviewLog id, or null when the card's version moved on: then nothing is written.
 */
export async function writeReview(tx: Tx, input: ReviewWrite): Promise<string | null> {
  const updated = await tx.card.updateMany({ where: { id: input.cardId, version: input.version }, data: reviewedCardData(input) })
  if (updated.count === 0) return null
  return (await tx.reviewLog.create({ data: reviewLogData(input), select: { id: true } })).id
}

/**
 * Writes one review in a single batch transaction (one round trip, for the review page): the ReviewLog,
 * unique per (card, version), and the card update conditioned on the version. If another review of that
 * version got there first, one of the two statements fails (P2002 on the log, P2025 on the card) and the
 * transaction rolls back.
 * @param db the Prisma client (not a transaction).
 * @returns the new ReviewLog id, or null when the version had already been reviewed: nothing is written.
 * @throws any other database error.
 */
export async function writeReviewAtomically(db: PrismaClient, input: ReviewWrite): Promise<string | null> {
  try {
    const [log] = await db.$transaction([
      db.reviewLog.create({ data: reviewLogData(input), select: { id: true } }),
      db.card.update({ where: { id: input.cardId, version: input.version }, data: reviewedCardData(input), select: { id: true } }),
    ])
    return log.id
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2002' || error.code === 'P2025')) return null
    throw error
  }
}
