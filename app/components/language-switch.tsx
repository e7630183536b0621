/**
 * The header's language switch: a POST form to `/lang` naming the other language and the page to come
 * back to. A plain form, so it works before hydration and without JavaScript; the choice is remembered in
 * the `fahm_lang` cookie.
 */
import { Form } from '@remix-run/react'
import type { Lang } from '~/i18n/lang'
import { commonMessages } from '~/i18n/messages/common'
import { useT } from '~/i18n/use-t'

/**
 * @param props.current the page's interface language.
 * @param props.redirectTo the local path (with query) to return to after switching.
 */
export function LanguageSwitch({ current, redirectTo }: { current: Lang; redirectTo: string }) {
  const t = useT(commonMessages)
  const other: Lang = current === 'ar' ? 'en' : 'ar'
  return (
    <Form method="post" action="/lang" className="lang-switch" aria-label={t('switchLabel')}>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className="link-button" lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
        {t('switchTo')}
      </button>
    </Form>
  )
}
