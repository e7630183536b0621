/** Helpers for review tests: learners and cards in any FSRS state, written straight to the test database. */
import { prisma } from '~/db.server'
import { State } from '~/models/scheduler.server'

/** A learner with review settings. */
export async function makeLearner(
  settings: { timeZone?: string | null; newCardsPerDay?: number; desiredRetention?: number; displayName?: string } = {},
): Promise<string> {
  const { displayName = 'متعلّم', ...rest } = settings
  return (await prisma.learner.create({ data: { displayName, ...rest }, select: { id: true } })).id
}

/** Active vocabulary item ids (any article), in a stable order, for cards that need distinct items. */
export async function vocabularyItemIds(): Promise<string[]> {
  const rows = await prisma.vocabularyItem.findMany({ where: { retired: false }, orderBy: { id: 'asc' }, select: { id: true } })
  return rows.map((r) => r.id)
}

/**
 * A card with the given due and state (other FSRS fields plausible for that state).
 * @returns the card id.
 */
export async function makeCard(input: {
  learnerId: string
  vocabularyItemId: string
  direction?: 'recognition' | 'cloze' | 'production'
  state: State
  due: Date
  createdAt?: Date
}): Promise<string> {
  const { learnerId, vocabularyItemId, direction = 'recognition', state, due } = input
  const isNew = state === State.New
  const row = await prisma.card.create({
    data: {
      learnerId,
      vocabularyItemId,
      direction,
      due,
      state,
      stability: isNew ? 0 : 5,
      difficulty: isNew ? 0 : 5,
      elapsedDays: 0,
      scheduledDays: state === State.Review ? 5 : 0,
      learningSteps: 0,
      reps: isNew ? 0 : 3,
      lapses: 0,
      lastReview: isNew ? null : new Date(due.getTime() - 5 * 86_400_000),
      createdAt: input.createdAt ?? due,
    },
    select: { id: true },
  })
  return row.id
}
