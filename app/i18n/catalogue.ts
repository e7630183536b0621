/**
 * Typed message catalogues (a typed dictionary, not an i18n library: decision 004). Each interface area
 * defines its messages once with {@link defineMessages}: the Arabic table is the source of the keys and the
 * English table must have exactly the same keys (the compiler refuses a missing or extra key) and, for a
 * message with parameters, the same parameter type.
 *
 * A message is a string or a function of named parameters (for plurals use `Intl.PluralRules` through the
 * {@link plural} helper; Arabic has six CLDR plural categories).
 */
import { intlLocale, type Lang } from './lang'

/** One message: plain text, or text built from parameters. */
export type Message = string | ((params: never) => string)

/** An area's messages in one language. */
export type MessageTable = Record<string, Message>

/** An area's catalogue: the Arabic table and the English table with the same keys and shapes. */
export interface Catalogue<T extends MessageTable> {
  ar: T
  en: { [K in keyof T]: T[K] extends string ? string : T[K] }
}

/**
 * Declares an area's catalogue. Identity at run time; its value is the type check.
 * @example defineMessages({ ar: { save: 'احفظ' }, en: { save: 'Save' } })
 */
export function defineMessages<const T extends MessageTable>(catalogue: {
  ar: T
  en: { [K in keyof T]: T[K] extends string ? string : T[K] }
}): Catalogue<T> {
  return catalogue
}

/** The parameters a message takes (never for a plain string). */
export type ParamsOf<M> = M extends (params: infer P) => string ? P : never

/** A translator bound to one catalogue and language: `t('key')` or `t('key', params)`. */
export type Translator<T extends MessageTable> = <K extends keyof T & string>(
  key: K,
  ...params: T[K] extends string ? [] : [ParamsOf<T[K]>]
) => string

/**
 * Binds a catalogue to a language.
 * @throws never: keys are checked by the compiler.
 */
export function translator<T extends MessageTable>(catalogue: Catalogue<T>, lang: Lang): Translator<T> {
  const table = (lang === 'en' ? catalogue.en : catalogue.ar) as MessageTable
  return ((key: string, ...params: unknown[]) => {
    const m = table[key]
    return typeof m === 'function' ? (m as (p: unknown) => string)(params[0]) : (m as string)
  }) as Translator<T>
}

/**
 * Chooses a plural form with `Intl.PluralRules` (CLDR rules: Arabic zero/one/two/few/many/other, English
 * one/other) and substitutes `#` with the number in the language's digits.
 * @param forms the forms by CLDR category; `other` is required and used for missing categories.
 * @example plural('ar', 3, { one: 'بطاقة واحدة', two: 'بطاقتان', few: '# بطاقات', other: '# بطاقة' }) // '3 بطاقات'
 */
export function plural(
  lang: Lang,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  const { rules, numbers } = pluralFormatters(lang)
  const form = forms[rules.select(n)] ?? forms.other
  return form.replace('#', numbers.format(n))
}

// Built once per language: constructing Intl objects costs far more than using them (the header's review
// count calls `plural` on every page a learner opens).
const formatters = new Map<Lang, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>()
function pluralFormatters(lang: Lang) {
  let f = formatters.get(lang)
  if (!f) {
    f = { rules: new Intl.PluralRules(intlLocale(lang)), numbers: new Intl.NumberFormat(intlLocale(lang)) }
    formatters.set(lang, f)
  }
  return f
}
