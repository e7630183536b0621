/**
 * POST /teacher/logout: voids every session cookie of the teacher (their `sessionEpoch` moves on, so a
 * copy left on another computer stops working too) and ends this browser's sessions. Same-origin posts
 * only; idempotent.
 */
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endTeacherSessions } from '~/models/teacher.server'
import { destroyAll, getTeacherSession } from '~/session.server'
import { requireSameOrigin } from '~/utils/csrf.server'

export function loader() {
  return redirect('/teacher')
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request)
  await endTeacherSessions(await getTeacherSession(request))
  return redirect('/teacher/login', { headers: { 'Set-Cookie': await destroyAll(request) } })
}
