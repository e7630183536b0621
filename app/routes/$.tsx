import type { MetaFunction } from '@remix-run/node'
import { RouteErrorBoundary } from '~/components/error-panel'
import { notFound } from '~/utils/http.server'

/** Every URL no other route matches: a 404 rendered by the ErrorBoundary. */
export async function loader() {
  throw notFound()
}

export default function NotFound() {
  return null
}

export const meta: MetaFunction = () => [{ title: 'غير موجود — فهم' }]

export const ErrorBoundary = RouteErrorBoundary
