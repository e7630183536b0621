/** A message in Arabic with its English equivalent beside it, as every notice of the app shows them. */
import type { BilingualMessage } from '~/models/errors'
import { BidiText } from './bidi-text'

export function Bilingual({ message }: { message: BilingualMessage }) {
  return (
    <>
      <BidiText text={message.ar} />{' '}
      <span lang="en" dir="ltr" className="english">
        {message.en}
      </span>
    </>
  )
}
