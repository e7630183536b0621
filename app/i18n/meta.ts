/**
 * The interface language inside a route's `meta` function, which gets the matched routes' data rather
 * than hooks: the root match carries `lang` (see app/root.tsx).
 */
import { DEFAULT_LANG, parseLang, type Lang } from './lang'

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
