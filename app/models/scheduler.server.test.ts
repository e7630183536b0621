import { Rating, State, createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import {
  createScheduler,
  newCardState,
  previewReview,
  reviveCardState,
  scheduleReview,
  serializeCardState,
  type CardState,
} from './scheduler.server'

const t0 = new Date('2026-03-01T09:00:00Z')
const minutes = (n: number) => n * 60_000
const days = (n: number) => n * 86_400_000
const later = (base: Date, ms: number) => new Date(base.getTime() + ms)

/** ts-fsrs's own card from our state (field by field, as ts-fsrs names them). */
function fsrsCard(s: CardState): Card {
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

describe('scheduleReview equals ts-fsrs', () => {
  const ours = createScheduler({ desiredRetention: 0.9, enableFuzz: false })
  const theirs = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }))

  it('for every rating of a new card', () => {
    for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]) {
      const { card, log } = scheduleReview(ours, newCardState(t0), 'c1', t0, rating)
      const expected = theirs.next(createEmptyCard(t0), t0, rating)
      expect(fsrsCard(card)).toEqual(expected.card)
      expect(log).toEqual({
        rating,
        state: expected.log.state,
        due: expected.log.due,
        stability: expected.log.stability,
        difficulty: expected.log.difficulty,
        elapsedDays: expected.log.elapsed_days,
        lastElapsedDays: expected.log.last_elapsed_days,
        scheduledDays: expected.log.scheduled_days,
        learningSteps: expected.log.learning_steps,
        review: expected.log.review,
      })
    }
  })

  it('along a history of reviews (learning steps, graduation, a lapse, relearning) on a fixed clock', () => {
    const history: [number, Grade][] = [
      [0, Rating.Good],
      [minutes(10), Rating.Good],
      [days(2), Rating.Good],
      [days(9), Rating.Hard],
      [days(30), Rating.Again],
      [days(30) + minutes(10), Rating.Good],
      [days(34), Rating.Easy],
    ]
    let state = newCardState(t0)
    let card: Card = createEmptyCard(t0)
    for (const [offset, rating] of history) {
      const now = later(t0, offset)
      state = scheduleReview(ours, state, 'c1', now, rating).card
      card = theirs.next(card, now, rating).card
      expect(fsrsCard(state)).toEqual(card)
    }
    expect(state).toMatchObject({ lapses: 1, reps: 7, state: State.Review })
  })

  it('with another desired retention', () => {
    const strict = createScheduler({ desiredRetention: 0.95, enableFuzz: false })
    const loose = createScheduler({ desiredRetention: 0.8, enableFuzz: false })
    let s = newCardState(t0)
    s = scheduleReview(strict, s, 'c', t0, Rating.Good).card
    s = scheduleReview(strict, s, 'c', later(t0, minutes(10)), Rating.Good).card
    const reviewAt = later(t0, days(3))
    const a = scheduleReview(strict, s, 'c', reviewAt, Rating.Good).card
    const b = scheduleReview(loose, s, 'c', reviewAt, Rating.Good).card
    expect(a.scheduledDays).toBeLessThan(b.scheduledDays)
    const expected = fsrs(generatorParameters({ request_retention: 0.8, enable_fuzz: false })).next(fsrsCard(s), reviewAt, Rating.Good)
    expect(fsrsCard(b)).toEqual(expected.card)
  })
})

describe('previewReview', () => {
  it('shows for each rating exactly what scheduleReview then does (fuzz on, seeded by card id)', () => {
    const fuzzy = createScheduler({ desiredRetention: 0.9, enableFuzz: true })
    let s = newCardState(t0)
    for (const [offset, rating] of [[0, Rating.Good], [minutes(10), Rating.Good], [days(3), Rating.Good]] as const) {
      s = scheduleReview(fuzzy, s, 'card-42', later(t0, offset), rating).card
    }
    const now = later(t0, days(15))
    const preview = previewReview(fuzzy, s, 'card-42', now)
    for (const rating of [1, 2, 3, 4] as Grade[]) {
      // The same card reviewed a few seconds after the preview lands on the same day.
      const done = scheduleReview(fuzzy, s, 'card-42', later(now, 5_000), rating).card
      expect(Math.round((done.due.getTime() - preview[rating].due.getTime()) / 1000)).toBe(5)
      expect(done.scheduledDays).toBe(preview[rating].scheduledDays)
    }
  })
})

describe('reviveCardState', () => {
  it('revives dates from loader JSON so ts-fsrs gives the same schedule', () => {
    const ours = createScheduler({ desiredRetention: 0.9, enableFuzz: false })
    let s = newCardState(t0)
    s = scheduleReview(ours, s, 'c', t0, Rating.Good).card
    s = scheduleReview(ours, s, 'c', later(t0, minutes(10)), Rating.Good).card
    const json = JSON.parse(JSON.stringify({ card: serializeCardState(s) })) as { card: unknown }
    expect(json.card).toMatchObject({ due: s.due.toISOString(), lastReview: s.lastReview!.toISOString() })
    const revived = reviveCardState(json.card)
    expect(revived).toEqual(s)
    expect(revived.due).toBeInstanceOf(Date)
    const now = later(t0, days(4))
    expect(scheduleReview(ours, revived, 'c', now, Rating.Good)).toEqual(scheduleReview(ours, s, 'c', now, Rating.Good))
  })

  it('accepts SQLite text dates with an offset and bigint counters (raw better-sqlite3 rows)', () => {
    const revived = reviveCardState({
      due: '2026-03-04T09:10:00.000+00:00',
      stability: 3.1,
      difficulty: 5.2,
      elapsedDays: 0n,
      scheduledDays: 3n,
      learningSteps: 0n,
      reps: 2n,
      lapses: 0n,
      state: 2n,
      lastReview: '2026-03-01T09:10:00.000+00:00',
      id: 'ignored',
    })
    expect(revived).toEqual({
      due: new Date('2026-03-04T09:10:00Z'),
      stability: 3.1,
      difficulty: 5.2,
      elapsedDays: 0,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state: State.Review,
      lastReview: new Date('2026-03-01T09:10:00Z'),
    })
  })

  it('rejects an unparseable date or an unknown state instead of passing it to ts-fsrs', () => {
    const good = serializeCardState(newCardState(t0))
    expect(() => reviveCardState({ ...good, due: 'next Tuesday' })).toThrow(/due/)
    expect(() => reviveCardState({ ...good, due: '2026-02-30T00:00:00Z' })).toThrow(/due/)
    expect(() => reviveCardState({ ...good, state: 7 })).toThrow(/state/)
  })
})
