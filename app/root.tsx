/**
 * The document: Arabic, right to left, the self-hosted Noto Naskh Arabic font and the app's stylesheet.
 */
import type { LinksFunction, MetaFunction } from '@remix-run/node'
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import fontRegular from '@fontsource/noto-naskh-arabic/400.css?url'
import fontBold from '@fontsource/noto-naskh-arabic/700.css?url'
import appStyles from '~/styles/app.css?url'
import { RouteErrorBoundary } from '~/components/error-panel'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: fontRegular },
  { rel: 'stylesheet', href: fontBold },
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** The shell shared by every page, also around error boundaries. */
export function Layout({ children }: { children: ReactNode }) {
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
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
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
