/**
 * Interface languages. Arabic is the default and the language of all content; English is the interface
 * switch (remembered in the `fahm_lang` cookie, see lang.server.ts). Content (articles, items, Arabic terms)
 * stays Arabic whatever the interface language; English glosses stay English.
 */
export const LANGS = ['ar', 'en'] as const

/** An interface language: BCP 47 primary tag. */
export type Lang = (typeof LANGS)[number]

/** The default interface language. */
export const DEFAULT_LANG: Lang = 'ar'

/** Narrows an untrusted value (cookie, form field) to a {@link Lang}; anything else gives null. */
export function parseLang(value: unknown): Lang | null {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value) ? (value as Lang) : null
}

/** The writing direction of an interface language (HTML `dir`). */
export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr'
}

/**
 * The `Intl` locale for numbers and dates in an interface language. Arabic uses Western digits
 * (`ar-u-nu-latn`), as our news sources print them (Unicode CLDR numbering system `latn`), so figures read
 * the same in the article, the quiz and the interface.
 */
export function intlLocale(lang: Lang): string {
  return lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB'
}
