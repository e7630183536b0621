/** POST /teacher/logout: ends every session of this browser (same-origin posts only; idempotent). */
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { destroyAll } from '~/session.server'
import { requireSameOrigin } from '~/utils/csrf.server'

export function loader() {
  return redirect('/teacher')
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request)
  return redirect('/teacher/login', { headers: { 'Set-Cookie': await destroyAll(request) } })
}
