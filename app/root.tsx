/**
 * The document: `lang` and `dir` from the interface language (Arabic, right to left, by default; English
 * through the header's switch, remembered in the `fahm_lang` cookie), the self-hosted Noto Naskh Arabic
 * font and the app's stylesheet. The header links to the review page with the number of cards the learner
 * can review now.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import fontRegular from '@fontsource/noto-naskh-arabic/400.css?url'
import fontBold from '@fontsource/noto-naskh-arabic/700.css?url'
import appStyles from '~/styles/app.css?url'
import { RouteErrorBoundary } from '~/components/error-panel'
import { useNonce } from '~/components/nonce'
import { LanguageSwitch } from '~/components/language-switch'
import { translator } from '~/i18n/catalogue'
import { dirOf } from '~/i18n/lang'
import { getLang } from '~/i18n/lang.server'
import { commonMessages } from '~/i18n/messages/common'
import { metaLang } from '~/i18n/meta'
import { useLang, useT } from '~/i18n/use-t'
import { countReviewable } from '~/models/review.server'
import { getLearnerId } from '~/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: fontRegular },
  { rel: 'stylesheet', href: fontBold },
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/**
 * The interface language (read by `useLang` everywhere), the header's review count (null without a
 * learner) and the request id the production server gave this request (`server/app.ts`; null under
 * `npm run dev`), shown by error boundaries so a report can be matched to the server's log.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const learnerId = await getLearnerId(request)
  return {
    lang: await getLang(request),
    reviewable: learnerId ? await countReviewable(learnerId, new Date()) : null,
    requestId: request.headers.get('X-Request-Id'),
  }
}

/** The shell shared by every page, also around error boundaries. */
export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed (its error boundary still renders this shell, in Arabic).
  const reviewable = useRouteLoaderData<typeof loader>('root')?.reviewable ?? null
  const nonce = useNonce()
  const lang = useLang()
  const t = useT(commonMessages)
  const { pathname, search } = useLocation()
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <Link to="/" className="brand" lang="ar">
            فهم
          </Link>
          <span className="tagline">{t('tagline')}</span>
          <nav className="site-nav" aria-label={t('siteNav')}>
            <Link to="/join">{t('navJoin')}</Link>
            <Link to="/teacher">{t('navTeachers')}</Link>
            <Link to="/review" className="review-link">
              {t('navReview')}
              {reviewable ? (
                <>
                  {' '}
                  <span className="badge" aria-hidden="true">
                    <bdi>{reviewable}</bdi>
                  </span>
                  <span className="visually-hidden">: {t('reviewableNow', { n: reviewable })}</span>
                </>
              ) : null}
            </Link>
          </nav>
          <LanguageSwitch current={lang} redirectTo={`${pathname}${search}`} />
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

export const meta: MetaFunction = ({ matches }) => {
  const t = translator(commonMessages, metaLang(matches))
  return [{ title: t('brand') }, { name: 'description', content: t('description') }]
}

export const ErrorBoundary = RouteErrorBoundary
