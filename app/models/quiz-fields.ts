/**
 * The quiz form's client-safe half: field names, limits and the bilingual messages. The route component
 * imports this module only, so the browser bundle does not carry zod; `quiz-form.ts` holds the schema.
 */
import type { BilingualMessage } from './errors'

/** Question types the quiz page can render; other types (matching) are left out of quizzes for now. */
export const QUIZ_QUESTION_TYPES = ['mcq', 'true_false', 'cloze', 'short_answer'] as const
export type QuizQuestionType = (typeof QUIZ_QUESTION_TYPES)[number]

export const DISPLAY_NAME_MAX = 60
export const SHORT_ANSWER_MAX = 200
/**
 * The hidden field carrying when the quiz form was shown (ISO 8601 UTC, rendered by the loader), so the
 * attempt records its time taken (submittedAt − startedAt) for the teacher's dashboard.
 */
export const STARTED_AT_FIELD = 'startedAt'
/**
 * The hidden field with the number of the attempt a quiz form makes (`Quiz.attemptNumber`), and the query
 * parameter that asks the quiz page for that attempt's form.
 */
export const ATTEMPT_FIELD = 'attempt'
/** Prefix of the answer fields: `answer:<question id>`. */
export const ANSWER_PREFIX = 'answer:'

/** The form field that carries the answer to a question. */
export function answerFieldName(questionId: string): string {
  return `${ANSWER_PREFIX}${questionId}`
}

/** Every message the quiz form can show, Arabic first with the English beside it. */
export const quizMessages = {
  summary: {
    ar: 'لم يُحفظ شيء. صحّح ما يلي ثم أرسل الإجابات مرة أخرى.',
    en: 'Nothing was saved. Correct the following and submit again.',
  },
  missing_question_id: { ar: 'وصلت إجابة بلا رقم سؤال.', en: 'An answer was sent without a question id.' },
  unknown_question: {
    ar: 'وصلت إجابة عن سؤال ليس في هذا الاختبار.',
    en: 'An answer names a question that is not in this quiz.',
  },
  duplicate_answer: {
    ar: 'وصلت أكثر من إجابة عن السؤال نفسه.',
    en: 'The same question was answered more than once.',
  },
  unanswered: { ar: 'أجب عن هذا السؤال.', en: 'Answer this question.' },
  option_not_offered: { ar: 'اختر أحد الخيارات المعروضة.', en: 'Choose one of the options shown.' },
  answer_too_long: {
    ar: `الإجابة طويلة جدًا (${SHORT_ANSWER_MAX} حرف على الأكثر).`,
    en: `The answer is too long (${SHORT_ANSWER_MAX} characters at most).`,
  },
  display_name_empty: { ar: 'اكتب اسمك قبل الإرسال.', en: 'Enter your name before submitting.' },
  display_name_no_letter: {
    ar: 'اكتب اسمًا فيه حرف واحد على الأقل.',
    en: 'Enter a name with at least one letter.',
  },
  display_name_too_long: {
    ar: `الاسم طويل جدًا (${DISPLAY_NAME_MAX} حرفًا على الأكثر).`,
    en: `The name is too long (${DISPLAY_NAME_MAX} characters at most).`,
  },
  bad_token: {
    ar: 'النموذج غير صالح أو قديم، أعد تحميل الصفحة.',
    en: 'The form is invalid or outdated; reload the page.',
  },
  no_questions: { ar: 'لا أسئلة في هذا الاختبار بعد.', en: 'This quiz has no questions yet.' },
  token_used: {
    ar: 'أُرسل هذا النموذج من قبل. إن كنت أنت من أرسله فافتح نتيجتك من الجهاز نفسه، أو أعد تحميل صفحة الاختبار لتبدأ محاولة جديدة.',
    en: 'This form was already submitted. If it was you, open your result on the same device, or reload the quiz page to start a new attempt.',
  },
  attempts_used: {
    ar: 'استنفدت المحاولات المسموح بها لهذا الواجب.',
    en: 'You have used all the attempts allowed for this assignment.',
  },
  attempt_submitted: {
    ar: 'أُرسلت هذه المحاولة من قبل (ربما عدت إليها بزر الرجوع). افتح نتيجتك، أو ابدأ محاولة جديدة من صفحة الاختبار.',
    en: 'This attempt was already submitted (perhaps you came back to it with the Back button). Open your result, or start a new attempt from the quiz page.',
  },
  already_submitted: {
    ar: 'أُرسل هذا النموذج من قبل باسم متعلّم آخر.',
    en: 'This form was already submitted by another learner.',
  },
} as const satisfies Record<string, BilingualMessage>
export type QuizMessageCode = keyof typeof quizMessages

/** Validation failures: form-level codes, and one code per field (`displayName` or a question id). */
export interface QuizFormErrors {
  form: QuizMessageCode[]
  fields: Record<string, QuizMessageCode>
}

/** What the learner typed or chose, echoed back into the form after a 400. */
export interface QuizFormValues {
  displayName: string
  answers: Record<string, string>
  /** The form's start time as posted, so a re-rendered form keeps the time it was first shown. */
  startedAt?: string
}
