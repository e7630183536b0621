/**
 * A message that exists in Arabic and English (field errors, notices, error pages): shown in the interface
 * language first, then the other language as a smaller secondary line with its own `lang` and `dir`
 * (decision 004). Both stay because a classroom mixes Arabic-first students with English-first teachers and
 * parents reading over a shoulder, and an error is the one text everyone must understand.
 */
import type { BilingualMessage } from '~/models/errors'
import { useLang } from '~/i18n/use-t'
import { BidiText } from './bidi-text'

export function Bilingual({ message }: { message: BilingualMessage }) {
  const lang = useLang()
  if (lang === 'en') {
    return (
      <>
        {message.en}{' '}
        <span lang="ar" dir="rtl" className="secondary-lang">
          <BidiText text={message.ar} />
        </span>
      </>
    )
  }
  return (
    <>
      <BidiText text={message.ar} />{' '}
      <span lang="en" dir="ltr" className="english secondary-lang">
        {message.en}
      </span>
    </>
  )
}
