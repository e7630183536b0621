/**
 * /lang — the interface language. POST (the header's switch): validates the language, remembers it in the
 * `fahm_lang` cookie for a year and goes back to the page it came from (a local path only). GET shows the
 * same choice as a page, for a typed URL or a refused post.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { LANGS, type Lang } from '~/i18n/lang'
import { getLang, langCookie } from '~/i18n/lang.server'
import { commonMessages } from '~/i18n/messages/common'
import { metaLang } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireSameOrigin, safeRedirectPath } from '~/utils/csrf.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

const LangFormSchema = z.object({
  lang: z.enum(LANGS),
  redirectTo: z.string().max(2048).optional(),
})

/** The page to come back to after the GET page's own form (the home page). */
export async function loader({ request }: LoaderFunctionArgs) {
  const to = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '/')
  return { redirectTo: to.startsWith('/lang') ? '/' : to, lang: await getLang(request) }
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const parsed = LangFormSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) {
      // Both languages: the request's language is the one that failed to parse, so say it in both.
      const ar = translator(commonMessages, 'ar')('langInvalid')
      const en = translator(commonMessages, 'en')('langInvalid')
      return data({ message: { ar, en } }, { status: 400 })
    }
    const to = safeRedirectPath(parsed.data.redirectTo ?? null, '/')
    // Never loop back to /lang itself (its GET is only a fallback page).
    return redirect(to.startsWith('/lang') ? '/' : to, {
      headers: { 'Set-Cookie': await langCookie.serialize(parsed.data.lang) },
    })
  })
}

const NAMES: Record<Lang, string> = { ar: 'العربية', en: 'English' }

export default function LanguagePage() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT(commonMessages)
  return (
    <>
      <h1>{t('langPageTitle')}</h1>
      <p>{t('langPageIntro')}</p>
      {actionData ? (
        <p className="form-errors" role="alert">
          {t('langInvalid')}
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {LANGS.map((lang) => (
          <button key={lang} type="submit" name="lang" value={lang} className="button secondary" lang={lang}>
            {NAMES[lang]}
          </button>
        ))}
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const t = translator(commonMessages, metaLang(matches))
  return [{ title: t('titleSuffix', { title: t('langPageTitle') }) }]
}

export const ErrorBoundary = RouteErrorBoundary
