/**
 * The app's own error classes. Domain functions throw them; `app/utils/http.server.ts` maps them to HTTP
 * responses in one place.
 */

/** A message shown to the learner in Arabic with its English equivalent beside it. */
export interface BilingualMessage {
  ar: string
  en: string
}

/** Base class: every Fahm error carries a `name` (for logs) and a bilingual message for the page. */
export class FahmError extends Error {
  override name = 'FahmError'
  constructor(
    readonly userMessage: BilingualMessage,
    options?: ErrorOptions,
  ) {
    super(userMessage.en, options)
  }
}

/** What a 404 says, per kind of record: the Arabic and the English say the same thing. */
const notFoundMessages: Record<string, BilingualMessage> = {
  Article: { ar: 'لم نجد هذا المقال.', en: 'Article not found.' },
  Attempt: {
    ar: 'لم نجد هذه النتيجة، أو أنها لمتعلّم آخر. تُفتح النتيجة على الجهاز الذي أُرسل منه الاختبار.',
    en: 'Attempt not found, or it belongs to another learner. A result opens on the device the quiz was sent from.',
  },
  Learner: {
    ar: 'لم نجد متعلّمًا على هذا الجهاز. أرسل اختبارًا أو انضم إلى صفّ أولًا.',
    en: 'Learner not found on this device. Take a quiz or join a class first.',
  },
  Card: { ar: 'لم نجد هذه البطاقة.', en: 'Card not found.' },
  Class: { ar: 'لم نجد هذا الصف.', en: 'Class not found.' },
  Question: { ar: 'لم نجد هذا السؤال.', en: 'Question not found.' },
  Assignment: { ar: 'لم نجد هذا الواجب.', en: 'Assignment not found.' },
}

/** The record does not exist, or exists but belongs to someone else (both answer 404). */
export class NotFoundError extends FahmError {
  override name = 'NotFoundError'
  /** @param what the kind of record (Article, Attempt, …), named in the English message. */
  constructor(what: string) {
    super(notFoundMessages[what] ?? { ar: 'الصفحة المطلوبة غير موجودة.', en: `${what} not found.` })
  }
}

/** The request itself is unreadable (e.g. a body that is not form data): 400. */
export class BadRequestError extends FahmError {
  override name = 'BadRequestError'
  constructor(detail: string) {
    super({ ar: 'تعذّرت قراءة الطلب.', en: `The request could not be read: ${detail}.` })
  }
}

/** A stored JSON column does not match its schema: the database was written by something else. */
export class DataIntegrityError extends Error {
  override name = 'DataIntegrityError'
}
