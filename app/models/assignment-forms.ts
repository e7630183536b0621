/** The assignment form: one zod schema, bilingual messages (client-safe). */
import { z } from 'zod'
import type { BilingualMessage } from './errors'

export const ATTEMPTS_MAX = 10

export const assignmentMessages = {
  summary: { ar: 'لم يُحفظ شيء. صحّح ما يلي ثم أعد الإرسال.', en: 'Nothing was saved. Correct the following and try again.' },
  article_missing: { ar: 'اختر مقالًا.', en: 'Choose an article.' },
  mode_invalid: { ar: 'اختر «تدريب» أو «اختبار».', en: 'Choose practice or test.' },
  attempts_invalid: {
    ar: `اختر عدد محاولات من 1 إلى ${ATTEMPTS_MAX}.`,
    en: `Choose from 1 to ${ATTEMPTS_MAX} attempts.`,
  },
  due_invalid: { ar: 'اكتب موعدًا صحيحًا.', en: 'Enter a valid date and time.' },
  due_in_past: { ar: 'الموعد النهائي مضى. اختر موعدًا قادمًا.', en: 'The due date is in the past. Choose a later one.' },
  questions_invalid: {
    ar: 'بعض الأسئلة المختارة ليست أسئلة معتمدة لهذا المقال.',
    en: 'Some chosen questions are not approved questions of this article.',
  },
  no_questions: {
    ar: 'لا أسئلة معتمدة لهذا المقال بعد. راجع أسئلته واعتمدها أولًا.',
    en: 'This article has no approved questions yet. Review and approve them first.',
  },
} as const satisfies Record<string, BilingualMessage>
export type AssignmentMessageCode = keyof typeof assignmentMessages

const code = (c: AssignmentMessageCode) => ({ message: c })

/**
 * Assign an article's quiz: article, mode, attempts allowed, optional due date (a `datetime-local` value
 * in the teacher's time zone) and optional question ids (default: the article's approved default quiz).
 */
export const AssignmentFormSchema = z.object({
  articleId: z.string().catch('').pipe(z.string().regex(/^[a-z0-9]{1,64}$/i, code('article_missing'))),
  mode: z.enum(['practice', 'test'], code('mode_invalid')),
  attemptsAllowed: z.coerce.number(code('attempts_invalid')).int(code('attempts_invalid')).min(1, code('attempts_invalid')).max(ATTEMPTS_MAX, code('attempts_invalid')),
  due: z
    .string()
    .optional()
    .transform((s) => (s && s.trim() ? s.trim() : null))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, code('due_invalid')).nullable()),
  questionIds: z.array(z.string().regex(/^[\w:.-]{1,200}$/, code('questions_invalid'))).catch([]),
})
export type AssignmentFormInput = z.output<typeof AssignmentFormSchema>
