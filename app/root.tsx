/**
 * The document: Arabic, right to left, the self-hosted Noto Naskh Arabic font and the app's stylesheet.
 * The header links to the review page with the number of cards the learner can review now.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import fontRegular from '@fontsource/noto-naskh-arabic/400.css?url'
import fontBold from '@fontsource/noto-naskh-arabic/700.css?url'
import appStyles from '~/styles/app.css?url'
import { RouteErrorBoundary } from '~/components/error-panel'
import { useNonce } from '~/components/nonce'
import { countReviewable } from '~/models/review.server'
import { getLearnerId } from '~/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: fontRegular },
  { rel: 'stylesheet', href: fontBold },
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/**
 * The header's review count (null without a learner) and the request id the production server gave this
 * request (`server/app.ts`; null under `npm run dev`), shown by error boundaries so a report can be matched
 * to the server's log.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const learnerId = await getLearnerId(request)
  return {
    reviewable: learnerId ? await countReviewable(learnerId, new Date()) : null,
    requestId: request.headers.get('X-Request-Id'),
  }
}

/** The shell shared by every page, also around error boundaries. */
export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed (its error boundary still renders this shell).
  const reviewable = useRouteLoaderData<typeof loader>('root')?.reviewable ?? null
  const nonce = useNonce()
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          انتقل إلى المحتوى
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            فهم
          </Link>
          <span className="tagline">اختبارات فهم المقروء من الأخبار العربية</span>
          <nav className="site-nav" aria-label="الموقع">
            <Link to="/join">انضم إلى صف</Link>
            <Link to="/teacher">للمعلّمين</Link>
            <Link to="/review" className="review-link">
              المراجعة
              {reviewable ? (
                <>
                  {' '}
                  <span className="badge" aria-hidden="true">
                    <bdi>{reviewable}</bdi>
                  </span>
                  <span className="visually-hidden">: {reviewable} بطاقة مستحقة الآن</span>
                </>
              ) : null}
            </Link>
          </nav>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export const meta: MetaFunction = () => [
  { title: 'فهم' },
  { name: 'description', content: 'اختبارات فهم المقروء من مقالات إخبارية عربية' },
]

export const ErrorBoundary = RouteErrorBoundary
