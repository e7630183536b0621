/** Learners: created with their first submitted quiz, identified by the session cookie. */
import { prisma } from '~/db.server'

export interface LearnerSummary {
  id: string
  displayName: string
}

/**
 * The learner with this id.
 * @param learnerId the id from the session, or null.
 * @returns the learner, or null when the id is null or no longer exists (e.g. after a database reset).
 */
export async function findLearner(learnerId: string | null): Promise<LearnerSummary | null> {
  if (!learnerId) return null
  return prisma.learner.findUnique({ where: { id: learnerId }, select: { id: true, displayName: true } })
}
