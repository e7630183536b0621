/**
 * The interface language of a request: the `fahm_lang` cookie set by the language switch (POST /lang), else
 * Arabic. The browser's Accept-Language is deliberately not used: the product is an Arabic classroom tool
 * and every page must look the same to every student of a class unless one of them switches.
 */
import { createCookie } from '@remix-run/node'
import { cookieSecure } from '~/env.server'
import { DEFAULT_LANG, parseLang, type Lang } from './lang'

/** The remembered language: one year, readable by the server only, sent on same-site requests. */
export const langCookie = createCookie('fahm_lang', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: cookieSecure(),
  maxAge: 60 * 60 * 24 * 365,
})

/** The request's interface language (the default when the cookie is missing or not a known language). */
export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get('Cookie'))
  return parseLang(value) ?? DEFAULT_LANG
}
