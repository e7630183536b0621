/**
 * The interface language inside a route's `meta` function, which gets the matched routes' data rather
 * than hooks: the root match carries `lang` (see app/root.tsx).
 */
import { translator } from './catalogue'
import { DEFAULT_LANG, parseLang, type Lang } from './lang'
import { commonMessages } from './messages/common'

/** A matched route as `meta` receives it (only the fields used here). */
export interface MetaMatch {
  id: string
  data?: unknown
}

/** The language chosen by the root loader, or Arabic when the root data is missing (root error boundary). */
export function metaLang(matches: readonly MetaMatch[]): Lang {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined
  return parseLang(root?.lang) ?? DEFAULT_LANG
}

/**
 * A page's `<title>` in the interface language: «<page> — فهم» / «<page> — Fahm».
 * @param title the page part, made in the language found by {@link metaLang}; null (no loader data, e.g. an
 *   error) gives the product name alone.
 * @example export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(m, lang)('title'))
 */
export function pageTitle(matches: readonly MetaMatch[], title: (lang: Lang) => string | null): { title: string }[] {
  const lang = metaLang(matches)
  const t = translator(commonMessages, lang)
  const page = title(lang)
  return [{ title: page === null ? t('brand') : t('titleSuffix', { title: page }) }]
}
