/**
 * The sentence that gives an item flag's reason, shared by the item-analysis page and its CSV export
 * (client-safe: no server imports).
 */
import type { Translator } from '~/i18n/catalogue'
import type { insightMessages } from '~/i18n/messages/insight'
import type { ItemFlag } from './statistics'

/**
 * The reason of a flag in the translator's language.
 * @param formatIndex writes a facility or discrimination index (the page uses the locale's digits and three
 *   decimals; the CSV a plain number).
 */
export function flagReason(
  t: Translator<(typeof insightMessages)['ar']>,
  flag: ItemFlag,
  formatIndex: (value: number) => string,
): string {
  switch (flag.code) {
    case 'too_hard':
      return t('flag_too_hard', { value: formatIndex(flag.facility) })
    case 'too_easy':
      return t('flag_too_easy', { value: formatIndex(flag.facility) })
    case 'negative_discrimination':
      return t('flag_negative_discrimination', { value: formatIndex(flag.discrimination) })
    case 'low_discrimination':
      return t('flag_low_discrimination', { value: formatIndex(flag.discrimination) })
    case 'unused_distractor':
      return t('flag_unused_distractor', { option: flag.option })
  }
}
