/**
 * Creating a learner's review cards, and writing one review of a card (shared by the review page and the
 * quiz). Cards are unique per (learner, item, direction) — the unique indexes guarantee it, and creation
 * skips what exists (reads first, or `ON CONFLICT DO NOTHING`) so a repeated call creates nothing.
 *
 * Vocabulary items give three cards, introduced in this order: recognition (Arabic → English, self-rated),
 * cloze (the article sentence with the term blanked, typed) from the next day, production (English →
 * Arabic, typed) from the day after; siblings are spread out like Anki's sibling burying, so a learner
 * does not meet a word's production card minutes after its recognition card. A comprehension question the
 * learner missed in a quiz gives one card (direction question), reviewed with Again at the answer time.
 */
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { sqliteValue } from '~/utils/sqlite.server'
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
 * Creates the learner's missing vocabulary cards for an article's active (not retired) items, and counts
 * them. Items without term offsets get no cloze card (nothing to blank).
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
  const created = await createVocabularyCards(tx, input)
  const [row] = await tx.$queryRaw<{ total: number | bigint }[]>`
    SELECT COUNT(*) AS total FROM "Card" c JOIN "VocabularyItem" v ON v."id" = c."vocabularyItemId"
     WHERE c."learnerId" = ${input.learnerId} AND v."articleId" = ${input.articleId} AND v."retired" = 0`
  return { created, total: Number(row?.total ?? 0) }
}

/**
 * Creates the learner's missing vocabulary cards for an article's active items in ONE SQL statement (the
 * quiz submit's hot path: a first submit creates about 300 cards, which Prisma's `createMany` wrote at about
 * 1 ms per row while the write lock was held). The rule is {@link newVocabularyCardRows}'s — recognition,
 * cloze (only for items with `termStart`) and production, due at `now` + {@link DIRECTION_DELAY_DAYS} + the
 * item's position in ms, the FSRS fields of ts-fsrs's empty card, `createdAt` = `now` — computed by SQLite;
 * `tests/card-creation.test.ts` checks that both give the same cards. Dates are written as the Prisma
 * adapter writes them (ISO 8601 UTC with milliseconds and `+00:00`); ids are {@link timeOrderedId}s made
 * in SQL (`now` first, so a submit's ~300 new ids land together at the end of the id index: with random ids
 * each row dirtied its own index page and a first quiz wrote about 2 MB to the WAL instead of about 0.9 MB;
 * BENCHMARKS.md, "a whole class at once"). Cards the learner already has are skipped by the unique index
 * (learnerId, vocabularyItemId, direction) with `ON CONFLICT … DO NOTHING`, so a repeated call creates nothing.
 * @param tx the transaction to write in.
 * @param input see {@link ensureVocabularyCards}.
 * @returns the number of cards created.
 */
export async function createVocabularyCards(tx: Tx, input: { learnerId: string; articleId: string; now: Date }): Promise<number> {
  const { learnerId, articleId, now } = input
  const empty = newCardState(now)
  const directions = Prisma.join(
    (['recognition', 'cloze', 'production'] as const).map(
      (direction) => Prisma.sql`SELECT ${direction} AS direction, ${DIRECTION_DELAY_DAYS[direction] * DAY_MS} AS delayMs`,
    ),
    ' UNION ALL ',
  )
  const createdAt = sqliteDate(now)
  const idPrefix = timeOrderedIdPrefix(now)
  const lastReview = empty.lastReview ? sqliteDate(empty.lastReview) : null
  // `ms`: the due instant in ms since the epoch, formatted with integer arithmetic (no float rounding).
  return tx.$executeRaw`
    INSERT INTO "Card" ("id", "learnerId", "direction", "vocabularyItemId", "due", "stability", "difficulty", "elapsedDays",
                        "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "createdAt")
    SELECT 'c' || ${idPrefix} || lower(hex(randomblob(7))), ${learnerId}, t.direction, t.itemId,
           strftime('%Y-%m-%dT%H:%M:%S', t.ms / 1000, 'unixepoch') || printf('.%03d+00:00', t.ms % 1000),
           ${empty.stability}, ${empty.difficulty}, ${empty.elapsedDays}, ${empty.scheduledDays}, ${empty.learningSteps},
           ${empty.reps}, ${empty.lapses}, ${empty.state}, ${lastReview}, 0, ${createdAt}
      FROM (SELECT v."id" AS itemId, d.direction AS direction,
                   CAST(${now.getTime()} AS INTEGER) + CAST(d.delayMs AS INTEGER) + v."position" AS ms
              FROM "VocabularyItem" v CROSS JOIN (${directions}) d
             WHERE v."articleId" = ${articleId} AND v."retired" = 0
               AND (d.direction <> 'cloze' OR v."termStart" IS NOT NULL)) t
     WHERE true
    ON CONFLICT ("learnerId", "vocabularyItemId", "direction") DO NOTHING`
}

/** `c` + the instant in ms as 11 hex digits: the start of a time-ordered card id. */
function timeOrderedIdPrefix(at: Date): string {
  return at.getTime().toString(16).padStart(11, '0')
}

/**
 * A time-ordered card id: `c`, the instant in ms as 11 hex digits, 14 random hex digits (56 bits from
 * `crypto.randomBytes`); 26 characters, about a cuid's length. {@link createVocabularyCards} makes the same
 * shape in SQL (`randomblob(7)`).
 * @param at the creation instant (ids made later sort after it; two made in the same ms differ by chance).
 */
export function timeOrderedId(at: Date): string {
  return `c${timeOrderedIdPrefix(at)}${randomBytes(7).toString('hex')}`
}

/** A date as the Prisma SQLite adapter stores DateTime columns (`iso8601`: `2026-01-02T03:04:05.006+00:00`). */
function sqliteDate(date: Date): string {
  return sqliteValue(date) as string
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
  // New cards (the common case, a first attempt): created already reviewed — the state ts-fsrs gives an
  // empty card rated Again, version 1 — with their logs (of version 0), in two statements for all of them.
  const fresh = ids.filter((questionId) => !byQuestion.has(questionId))
  const cards: Prisma.CardCreateManyInput[] = []
  const logs: Prisma.ReviewLogUncheckedCreateInput[] = []
  for (const questionId of fresh) {
    const id = timeOrderedId(now)
    const scheduled = scheduleReview(scheduler, newCardState(now), id, now, Rating.Again)
    cards.push({ id, learnerId, questionId, direction: 'question', ...stateColumns(scheduled.card), version: 1, createdAt: now })
    logs.push(reviewLogData({ cardId: id, learnerId, version: 0, scheduled, source: 'quiz', durationMs: null, answer: null, correct: false }))
  }
  if (cards.length > 0) {
    await tx.card.createMany({ data: cards })
    await tx.reviewLog.createMany({ data: logs })
  }
  const created = cards.length
  let reviewed = logs.length
  // A question missed again (an earlier attempt made its card): a lapse on the card's current state.
  for (const card of existing) {
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
