/**
 * The FSRS scheduler: a thin layer over ts-fsrs that converts between its `Card` / `ReviewLog` and our
 * columns. The app never computes an interval itself; every schedule is what ts-fsrs returns.
 *
 * - Parameters: ts-fsrs defaults (FSRS-6 weights, learning steps 1m and 10m, relearning step 10m, maximum
 *   interval 36 500 days) with the learner's desired retention as `request_retention`.
 * - Fuzz: on in the app (as in Anki, it spreads cards reviewed together over nearby days), seeded by card
 *   id and repetition count (`GenSeedStrategyWithCardId`, Anki's seed), so the interval a rating button
 *   shows is the interval the review gets. `FSRS_FUZZ=off` turns it off (the tests).
 * - Dates: a card's dates may arrive as `Date`s (Prisma) or ISO strings (JSON from a loader, raw SQL rows);
 *   {@link reviveCardState} checks and revives them before anything reaches ts-fsrs.
 */
import {
  GenSeedStrategyWithCardId,
  Rating,
  State,
  StrategyMode,
  createEmptyCard,
  fsrs,
  generatorParameters,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type ReviewLog as FsrsReviewLog,
} from 'ts-fsrs'
import { z } from 'zod'
import { getEnv } from '~/env.server'
import { DataIntegrityError } from './errors'

export { Rating, State }
export type { Grade }

/** Desired retention bounds accepted from learners (Anki allows 0.70–0.99; above 0.97 workloads explode). */
export const MIN_DESIRED_RETENTION = 0.7
export const MAX_DESIRED_RETENTION = 0.97
export const DEFAULT_DESIRED_RETENTION = 0.9

/** The FSRS state of a card as our Card columns hold it (ts-fsrs `Card` with camelCase names). */
export interface CardState {
  due: Date
  /** Days. */
  stability: number
  /** 1–10. */
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: State
  lastReview: Date | null
}

/** The JSON form of {@link CardState} that crosses the loader boundary: dates as ISO 8601 strings. */
export interface CardStateJson extends Omit<CardState, 'due' | 'lastReview'> {
  due: string
  lastReview: string | null
}

/** The ReviewLog columns ts-fsrs defines (the card's state before the review, and the review time). */
export interface ReviewLogFields {
  rating: Grade
  state: State
  due: Date
  stability: number
  difficulty: number
  elapsedDays: number
  lastElapsedDays: number
  scheduledDays: number
  learningSteps: number
  review: Date
}

/** A date as Prisma returns it, or as JSON / SQLite text carries it (ISO 8601 with `Z` or an offset). */
const RevivedDateSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value instanceof Date ? new Date(value.getTime()) : new Date(value)))
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date')

const count = z.number().int().nonnegative()

/** Validates and revives a card's state from any source (Prisma row, loader JSON, raw SQL row). */
export const CardStateSchema = z.object({
  due: RevivedDateSchema,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.union([z.literal(State.New), z.literal(State.Learning), z.literal(State.Review), z.literal(State.Relearning)]),
  lastReview: RevivedDateSchema.nullable(),
})

/**
 * Revives a card state whose dates may be ISO strings (JSON from a loader, SQLite text) into Dates.
 * @param value `{ due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state,
 *   lastReview }`; extra keys are ignored. Numbers may be bigints (better-sqlite3 safe integers).
 * @returns a fresh {@link CardState} (never shares Date objects with the input).
 * @throws DataIntegrityError naming the first invalid field.
 * @example reviveCardState(JSON.parse(JSON.stringify(serializeCardState(state)))) // deep-equals state
 */
export function reviveCardState(value: unknown): CardState {
  const input =
    value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
      : value
  const parsed = CardStateSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DataIntegrityError(`card state: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}

/**
 * The JSON-safe form of a card state, for loaders.
 * @returns the state with `due` and `lastReview` as ISO 8601 strings (UTC, `Z`).
 */
export function serializeCardState(state: CardState): CardStateJson {
  return { ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null }
}

/** Field of the ts-fsrs card that carries our card id for the fuzz seed. */
const SEED_FIELD = 'cardId'

type SeededCard = FsrsCard & { [SEED_FIELD]: string }

function toFsrsCard(state: CardState, cardId: string): SeededCard {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.lastReview ? { last_review: state.lastReview } : {}),
    [SEED_FIELD]: cardId,
  }
}

function fromFsrsCard(card: FsrsCard): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  }
}

function fromFsrsLog(log: FsrsReviewLog): ReviewLogFields {
  return {
    rating: log.rating as Grade,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review,
  }
}

/** Scheduler options; see the module header. */
export interface SchedulerOptions {
  /** ts-fsrs `request_retention`, (0, 1]. */
  desiredRetention: number
  enableFuzz: boolean
}

const schedulers = new Map<string, FSRS>()

/**
 * A ts-fsrs scheduler (cached per option set).
 * @param options desired retention and fuzz.
 * @throws RangeError when the desired retention is outside (0, 1].
 */
export function createScheduler(options: SchedulerOptions): FSRS {
  const { desiredRetention, enableFuzz } = options
  if (!(desiredRetention > 0 && desiredRetention <= 1)) throw new RangeError(`desired retention ${desiredRetention}`)
  const key = `${desiredRetention}:${enableFuzz}`
  let f = schedulers.get(key)
  if (!f) {
    f = fsrs(generatorParameters({ request_retention: desiredRetention, enable_fuzz: enableFuzz }))
    if (enableFuzz) f.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD))
    schedulers.set(key, f)
  }
  return f
}

/**
 * The app's scheduler for a learner: their desired retention, fuzz as `FSRS_FUZZ` says.
 * @param desiredRetention the learner's `desiredRetention`.
 */
export function schedulerFor(desiredRetention: number): FSRS {
  return createScheduler({ desiredRetention, enableFuzz: getEnv().FSRS_FUZZ === 'on' })
}

/**
 * A new card's state (ts-fsrs `createEmptyCard`).
 * @param due when the card may first be introduced (defaults to `now`).
 */
export function newCardState(now: Date, due: Date = now): CardState {
  return { ...fromFsrsCard(createEmptyCard(now)), due }
}

/** The outcome of one rating: the card's next state and the log of the review. */
export interface ScheduledReview {
  card: CardState
  log: ReviewLogFields
}

/**
 * Applies a rating to a card (ts-fsrs `next`).
 * @param scheduler from {@link schedulerFor} / {@link createScheduler}.
 * @param state the card's current state.
 * @param cardId the card's id (seeds the fuzz).
 * @param now the review time.
 * @param rating 1 Again, 2 Hard, 3 Good, 4 Easy.
 * @returns the next state and the review log, exactly as ts-fsrs computes them.
 * @throws FSRSValidationError (from ts-fsrs) for a rating outside 1–4.
 */
export function scheduleReview(scheduler: FSRS, state: CardState, cardId: string, now: Date, rating: Grade): ScheduledReview {
  const item = scheduler.next(toFsrsCard(state, cardId), now, rating)
  return { card: fromFsrsCard(item.card), log: fromFsrsLog(item.log) }
}

/** What each rating would do, for the rating buttons. */
export type ReviewPreview = Record<Grade, { due: Date; scheduledDays: number; state: State }>

/**
 * The next due date for each rating (ts-fsrs `repeat`, its preview of all four outcomes).
 * @returns per rating the due date, scheduled days and state the review would give.
 */
export function previewReview(scheduler: FSRS, state: CardState, cardId: string, now: Date): ReviewPreview {
  const preview = scheduler.repeat(toFsrsCard(state, cardId), now)
  const at = (g: Grade) => ({ due: preview[g].card.due, scheduledDays: preview[g].card.scheduled_days, state: preview[g].card.state })
  return { [Rating.Again]: at(Rating.Again), [Rating.Hard]: at(Rating.Hard), [Rating.Good]: at(Rating.Good), [Rating.Easy]: at(Rating.Easy) } as ReviewPreview
}
