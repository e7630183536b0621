/** React access to the interface language chosen by the root loader. */
import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { translator, type Catalogue, type MessageTable, type Translator } from './catalogue'
import { DEFAULT_LANG, parseLang, type Lang } from './lang'

/** The page's interface language (Arabic when the root loader has not run, e.g. in its own error boundary). */
export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: unknown } | undefined
  return parseLang(data?.lang) ?? DEFAULT_LANG
}

/**
 * A translator for one catalogue in the page's language.
 * @example const t = useT(quizMessages); t('submit')
 */
export function useT<T extends MessageTable>(catalogue: Catalogue<T>): Translator<T> {
  const lang = useLang()
  return useMemo(() => translator(catalogue, lang), [catalogue, lang])
}
