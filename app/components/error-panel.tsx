/**
 * The page shown by error boundaries: a bilingual message (interface language first), a way back, and for
 * server errors the request id the server logged the error with.
 */
import { Link, isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { commonMessages } from '~/i18n/messages/common'
import { useLang, useT } from '~/i18n/use-t'
import type { BilingualMessage } from '~/models/errors'

const defaults: Record<number, BilingualMessage> = {
  400: { ar: 'الطلب غير صالح.', en: 'Bad request.' },
  404: { ar: 'الصفحة المطلوبة غير موجودة.', en: 'Page not found.' },
  500: { ar: 'حدث خطأ غير متوقع. حاول مرة أخرى بعد قليل.', en: 'Something went wrong. Please try again later.' },
}

function messageOf(status: number, payload: unknown): BilingualMessage {
  if (payload && typeof payload === 'object' && 'message' in payload) {
    const m = (payload as { message: unknown }).message
    if (m && typeof m === 'object' && 'ar' in m && 'en' in m) {
      const { ar, en } = m as Record<string, unknown>
      if (typeof ar === 'string' && typeof en === 'string') return { ar, en }
    }
  }
  return defaults[status] ?? defaults[500]!
}

/**
 * Renders an error for a status code.
 * @param props.payload the thrown `data()` payload; a `{ message: { ar, en } }` is shown, anything else
 *   falls back to the status's default message.
 */
export function ErrorPanel({ status, payload }: { status: number; payload: unknown }) {
  const message = messageOf(status, payload)
  const lang = useLang()
  const t = useT(commonMessages)
  const arabic = (
    <p lang="ar" dir="rtl" className={lang === 'ar' ? undefined : 'secondary-lang'}>
      {message.ar}
    </p>
  )
  const english = (
    <p lang="en" dir="ltr" className="english">
      {message.en}
    </p>
  )
  // The production server's id of this request (root loader); undefined when the root loader failed.
  const requestId = useRouteLoaderData<{ requestId?: string | null }>('root')?.requestId
  return (
    <section className="error-panel" role="alert">
      <h1>
        {status === 404 ? t('notFoundTitle') : t('errorTitle')} <bdi className="status">{status}</bdi>
      </h1>
      {lang === 'ar' ? (
        <>
          {arabic}
          {english}
        </>
      ) : (
        <>
          <p>{message.en}</p>
          {arabic}
        </>
      )}
      <p>
        <Link to="/">{t('backToArticles')}</Link>
      </p>
      {status >= 500 && requestId ? (
        <p className="request-id">
          {t('requestId')}: <bdi dir="ltr">{requestId}</bdi>
        </p>
      ) : null}
    </section>
  )
}

/** A route's ErrorBoundary: renders the thrown response (or a generic 500) with {@link ErrorPanel}. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) return <ErrorPanel status={error.status} payload={error.data} />
  return <ErrorPanel status={500} payload={null} />
}
