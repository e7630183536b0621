/**
 * POST /learner/sign-out — "ليس أنت؟ / Not you?" on a shared classroom computer: forgets the learner of
 * this browser's session (the learner's data stays; their own device keeps its cookie) and goes back to
 * the page it came from, which then asks for a name again. Idempotent: without a learner it just redirects.
 */
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { forgetLearner } from '~/session.server'
import { requireSameOrigin, safeRedirectPath } from '~/utils/csrf.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

/** A GET (a typed URL) changes nothing. */
export function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    return redirect(safeRedirectPath(formData.get('redirectTo')), {
      headers: { 'Set-Cookie': await forgetLearner(request) },
    })
  })
}
