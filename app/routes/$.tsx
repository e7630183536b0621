import type { MetaFunction } from '@remix-run/node'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { commonMessages } from '~/i18n/messages/common'
import { pageTitle } from '~/i18n/meta'
import { notFound } from '~/utils/http.server'

/** Every URL no other route matches: a 404 rendered by the ErrorBoundary. */
export async function loader() {
  throw notFound()
}

export default function NotFound() {
  return null
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(commonMessages, lang)('notFoundTitle'))

export const ErrorBoundary = RouteErrorBoundary
