/** Guards for loaders and actions: who is asking. */
import { redirect } from '@remix-run/node'
import { NotFoundError } from '~/models/errors'
import { findLearner, type LearnerSummary } from '~/models/learner.server'
import { findTeacher, type TeacherSummary } from '~/models/teacher.server'
import { getLearnerId, getTeacherSession } from '~/session.server'

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

/**
 * The teacher of the request's session, if one is signed in (for pages both learners and teachers open).
 * @returns the teacher, or null.
 */
export async function getTeacher(request: Request): Promise<TeacherSummary | null> {
  return findTeacher(await getTeacherSession(request))
}

/**
 * The teacher of the request's session, for teacher pages. Call first in every teacher loader and action.
 * @returns the teacher.
 * @throws a redirect to `/teacher/login?redirectTo=<this page>` when no teacher is signed in (a student's
 *   session included) or the teacher no longer exists.
 */
export async function requireTeacher(request: Request): Promise<TeacherSummary> {
  const teacher = await findTeacher(await getTeacherSession(request))
  if (!teacher) {
    const url = new URL(request.url)
    throw redirect(`/teacher/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  return teacher
}
