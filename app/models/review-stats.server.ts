/**
 * A learner's review statistics, by learner day (time zone, 04:00 rollover):
 *
 * - **Due**: non-new cards due before the end of today (overdue included), during tomorrow, and before the
 *   end of the seventh day counting today (overdue included). New cards waiting to be introduced are
 *   counted apart.
 * - **Reviews per day** for the last 30 learner days, today included, with the Again share.
 * - **True retention** over the same 30 days: the share of reviews of *mature* cards not rated Again.
 *   Mature is defined by interval, as Anki's statistics do: the review of a card in the Review state whose
 *   scheduled interval before the review was at least MATURE_INTERVAL_DAYS (21) days (ReviewLog
 *   `scheduledDays`, which ts-fsrs records as the interval the card had). Stability is not used: it is the
 *   model's estimate, the interval is what the learner actually went through.
 */
import { prisma } from '~/db.server'
import { DEFAULT_LANG, type Lang } from '~/i18n/lang'
import { formatDayKey } from '~/utils/format'
import { learnerDayOf, shiftLearnerDay } from './learner-day'
import { MATURE_INTERVAL_DAYS } from './review-fields'
import { getLearnerSchedule } from './review.server'
import { State } from './scheduler.server'

/** Days of history the chart and the retention cover. */
export const STATS_DAYS = 30

export interface DayReviews {
  /** `YYYY-MM-DD`, the learner day's start date. */
  key: string
  /** «1/12» */
  shortLabel: string
  /** «الثلاثاء، 1 ديسمبر» */
  label: string
  reviews: number
  /** Reviews rated Again. */
  again: number
}

export interface LearnerStats {
  timeZone: string
  today: { key: string; label: string }
  due: { today: number; tomorrow: number; next7Days: number }
  /** New cards not yet introduced. */
  newWaiting: number
  cards: { total: number; new: number; learning: number; review: number; relearning: number }
  /** Oldest first, {@link STATS_DAYS} entries ending today. */
  reviewsPerDay: DayReviews[]
  retention: {
    /** Reviews of mature cards in the window. */
    matureReviews: number
    /** Of those, not rated Again. */
    passed: number
    /** passed / matureReviews, or null without mature reviews. */
    rate: number | null
  }
}

/**
 * A learner's statistics at `now` (see the module header for every definition).
 * @param lang the language of the day labels (default Arabic).
 * @throws NotFoundError when the learner does not exist.
 */
export async function getLearnerStats(learnerId: string, now: Date, lang: Lang = DEFAULT_LANG): Promise<LearnerStats> {
  const { timeZone } = await getLearnerSchedule(learnerId)
  const today = learnerDayOf(now, timeZone)
  const tomorrow = shiftLearnerDay(today, 1, timeZone)
  const seventh = shiftLearnerDay(today, 6, timeZone)
  const days = Array.from({ length: STATS_DAYS }, (_, i) => shiftLearnerDay(today, i - (STATS_DAYS - 1), timeZone))
  const since = days[0]!.start
  const reviewed = { learnerId, state: { not: State.New } }

  const [dueToday, dueTomorrow, dueWeek, byState, logs] = await Promise.all([
    prisma.card.count({ where: { ...reviewed, due: { lt: today.end } } }),
    prisma.card.count({ where: { ...reviewed, due: { gte: today.end, lt: tomorrow.end } } }),
    prisma.card.count({ where: { ...reviewed, due: { lt: seventh.end } } }),
    prisma.card.groupBy({ by: ['state'], where: { learnerId }, _count: { _all: true } }),
    prisma.reviewLog.findMany({
      where: { learnerId, review: { gte: since, lt: today.end } },
      select: { review: true, rating: true, state: true, scheduledDays: true },
      orderBy: { review: 'asc' },
    }),
  ])

  const perDay = days.map((d) => ({
    key: d.key,
    shortLabel: formatDayKey(d.key, lang, 'short'),
    label: formatDayKey(d.key, lang),
    reviews: 0,
    again: 0,
  }))
  let dayIndex = 0
  let matureReviews = 0
  let passed = 0
  for (const log of logs) {
    while (dayIndex < days.length - 1 && log.review >= days[dayIndex]!.end) dayIndex++
    const bucket = perDay[dayIndex]!
    bucket.reviews++
    if (log.rating === 1) bucket.again++
    if (log.state === State.Review && log.scheduledDays >= MATURE_INTERVAL_DAYS) {
      matureReviews++
      if (log.rating !== 1) passed++
    }
  }

  const countOf = (s: State) => byState.find((g) => g.state === s)?._count._all ?? 0
  const cards = {
    new: countOf(State.New),
    learning: countOf(State.Learning),
    review: countOf(State.Review),
    relearning: countOf(State.Relearning),
  }
  return {
    timeZone,
    today: { key: today.key, label: formatDayKey(today.key, lang) },
    due: { today: dueToday, tomorrow: dueTomorrow, next7Days: dueWeek },
    newWaiting: cards.new,
    cards: { total: cards.new + cards.learning + cards.review + cards.relearning, ...cards },
    reviewsPerDay: perDay,
    retention: { matureReviews, passed, rate: matureReviews > 0 ? passed / matureReviews : null },
  }
}
