/** Guards for loaders and actions: who is asking. */
import { NotFoundError } from '~/models/errors'
import { findLearner, type LearnerSummary } from '~/models/learner.server'
import { getLearnerId } from '~/session.server'

/**
 * The learner of the request's session.
 * @returns the learner, or null when there is no session or its learner no longer exists.
 */
export async function getLearner(request: Request): Promise<LearnerSummary | null> {
  return findLearner(await getLearnerId(request))
}

/**
 * The learner of the request's session, for routes that need one (call inside `withHttpErrors`).
 * @throws NotFoundError (404) when there is no session or its learner no longer exists.
 */
export async function requireLearner(request: Request): Promise<LearnerSummary> {
  const learner = await getLearner(request)
  if (!learner) throw new NotFoundError('Learner')
  return learner
}
