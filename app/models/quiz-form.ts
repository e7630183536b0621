/**
 * The quiz form: field names, the bilingual messages, and the zod schema that validates a submission
 * against the quiz's questions. Pure (no I/O); used by the action through `quiz.server.ts`. The component
 * imports the client-safe half, `quiz-fields.ts`, re-exported here.
 *
 * Fields: `clientToken` (UUID rendered by the loader), `displayName` (only when the learner has none yet),
 * `startedAt` (when the form was shown, optional and never a reason to refuse a submission), and one
 * `answer:<question id>` per question (the chosen option, or the typed short answer).
 */
import { z } from 'zod'
import { cleanDisplayName, parseDisplayNameText } from './display-name'
import {
  ANSWER_PREFIX,
  SHORT_ANSWER_MAX,
  STARTED_AT_FIELD,
  quizMessages,
  type QuizFormErrors,
  type QuizFormValues,
  type QuizMessageCode,
} from './quiz-fields'

export * from './quiz-fields'

/** The question fields validation needs. */
export interface QuizFormQuestion {
  id: string
  type: string
  /** Options as shown; empty for short answers. */
  options: string[]
}

/** The raw submission, read from FormData without losing repeated fields. */
export const RawQuizFormSchema = z.object({
  clientToken: z.string(),
  displayName: z.string().optional(),
  startedAt: z.string().optional(),
  answers: z.array(z.object({ questionId: z.string(), answer: z.string() })),
})
export type RawQuizForm = z.infer<typeof RawQuizFormSchema>

/**
 * Reads a submitted quiz form. Non-text entries (files) read as empty strings.
 * @returns the raw fields; every `answer:<id>` entry is kept, in order, duplicates included.
 */
export function readQuizForm(formData: FormData): RawQuizForm {
  const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '')
  const answers: RawQuizForm['answers'] = []
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(ANSWER_PREFIX)) {
      answers.push({ questionId: name.slice(ANSWER_PREFIX.length), answer: text(value) })
    }
  }
  const displayName = formData.get('displayName')
  const startedAt = formData.get(STARTED_AT_FIELD)
  return {
    clientToken: text(formData.get('clientToken')),
    ...(displayName === null ? {} : { displayName: text(displayName) }),
    ...(startedAt === null ? {} : { startedAt: text(startedAt) }),
    answers,
  }
}

/** The longest time a quiz form may have been open and still give a time taken: 24 hours, in ms. */
export const STARTED_AT_MAX_AGE_MS = 24 * 60 * 60 * 1000

/**
 * The start-time field of a quiz submitted at `now`: an ISO 8601 date-time with `Z` or an offset, strictly
 * before `now` and at most {@link STARTED_AT_MAX_AGE_MS} earlier.
 */
export function startedAtSchema(now: Date) {
  return z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() < now.getTime() && now.getTime() - d.getTime() <= STARTED_AT_MAX_AGE_MS)
}

/**
 * When the submitted quiz form was shown, for the attempt's time taken. The field comes from the client, so
 * it is a claim, not a measurement: a missing, malformed, future or more than a day old value gives null
 * ("unknown") rather than an error, and the submission is accepted either way.
 * @param value the posted `startedAt` field (see `STARTED_AT_FIELD`), or undefined.
 * @param now the submit time (the attempt's submittedAt).
 * @returns the start instant, or null.
 */
export function parseStartedAt(value: string | undefined, now: Date): Date | null {
  const parsed = startedAtSchema(now).safeParse(value)
  return parsed.success ? parsed.data : null
}

/** A valid submission. */
export interface QuizSubmission {
  clientToken: string
  /** Cleaned (`cleanDisplayName`); null when the learner already has a name. */
  displayName: string | null
  /** Answer per question id (short answers trimmed), one for every question of the quiz. */
  answers: Map<string, string>
}

/**
 * The zod schema of one quiz's submission. Issues carry a {@link QuizMessageCode} as their message and
 * the field they concern as their path (`['displayName']`, `['answers', <question id>]`, `['answers']`).
 * @param questions the quiz's questions (every one must be answered, once, with one of its options).
 * @param options.needsDisplayName true when the learner has no display name yet.
 */
export function quizSubmissionSchema(
  questions: readonly QuizFormQuestion[],
  { needsDisplayName }: { needsDisplayName: boolean },
) {
  const byId = new Map(questions.map((q) => [q.id, q]))
  return RawQuizFormSchema.superRefine((raw, ctx) => {
    const issue = (message: QuizMessageCode, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path })
    if (!z.uuid().safeParse(raw.clientToken).success) issue('bad_token', ['clientToken'])
    if (needsDisplayName) {
      const name = parseDisplayNameText(raw.displayName ?? '')
      if (!name.success) issue(name.code, ['displayName'])
    }
    if (questions.length === 0) issue('no_questions', ['answers'])
    const seen = new Set<string>()
    for (const { questionId, answer } of raw.answers) {
      if (questionId.trim() === '') {
        issue('missing_question_id', ['answers'])
        continue
      }
      const question = byId.get(questionId)
      if (!question) {
        issue('unknown_question', ['answers'])
        continue
      }
      if (seen.has(questionId)) {
        issue('duplicate_answer', ['answers', questionId])
        continue
      }
      seen.add(questionId)
      if (question.type === 'short_answer') {
        if (answer.trim() === '') issue('unanswered', ['answers', questionId])
        else if ([...answer.trim()].length > SHORT_ANSWER_MAX) issue('answer_too_long', ['answers', questionId])
      } else if (answer === '') {
        issue('unanswered', ['answers', questionId])
      } else if (!question.options.includes(answer)) {
        issue('option_not_offered', ['answers', questionId])
      }
    }
    for (const q of questions) if (!seen.has(q.id)) issue('unanswered', ['answers', q.id])
  }).transform(
    (raw): QuizSubmission => ({
      clientToken: raw.clientToken,
      displayName: needsDisplayName ? cleanDisplayName(raw.displayName ?? '') : null,
      answers: new Map(raw.answers.map((a) => [a.questionId, a.answer.trim()])),
    }),
  )
}

/**
 * Validates a submitted quiz form.
 * @returns the submission, or the errors (first code per field; form codes deduplicated) with the values
 *   to echo back.
 */
export function parseQuizForm(
  formData: FormData,
  questions: readonly QuizFormQuestion[],
  options: { needsDisplayName: boolean },
): { success: true; data: QuizSubmission } | { success: false; errors: QuizFormErrors; values: QuizFormValues } {
  const raw = readQuizForm(formData)
  const parsed = quizSubmissionSchema(questions, options).safeParse(raw)
  if (parsed.success) return { success: true, data: parsed.data }
  const errors: QuizFormErrors = { form: [], fields: {} }
  for (const issue of parsed.error.issues) {
    const code = (issue.message in quizMessages ? issue.message : 'bad_token') as QuizMessageCode
    const [head, field] = issue.path
    if (head === 'displayName') errors.fields.displayName ??= code
    else if (head === 'answers' && typeof field === 'string') errors.fields[field] ??= code
    else if (!errors.form.includes(code)) errors.form.push(code)
  }
  const values: QuizFormValues = { displayName: raw.displayName ?? '', answers: {} }
  if (raw.startedAt !== undefined) values.startedAt = raw.startedAt
  for (const a of raw.answers) values.answers[a.questionId] ??= a.answer
  return { success: false, errors, values }
}
