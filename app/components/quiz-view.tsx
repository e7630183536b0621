/**
 * The quiz form as the student sees it, shared by the article quiz (`/articles/:slug/quiz`) and an
 * assignment (`/assignments/:id`): the "Not you?" action, the error summary, the questions.
 */
import { Form, Link, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { BidiText } from '~/components/bidi-text'
import { Bilingual } from '~/components/bilingual'
import { TimeZoneField } from '~/components/time-zone-field'
import { commonMessages } from '~/i18n/messages/common'
import { quizMessages as quizText } from '~/i18n/messages/quiz'
import { useT } from '~/i18n/use-t'
import {
  DISPLAY_NAME_MAX,
  SHORT_ANSWER_MAX,
  ATTEMPT_FIELD,
  STARTED_AT_FIELD,
  answerFieldName,
  quizMessages,
  type QuizFormErrors,
  type QuizFormValues,
  type QuizMessageCode,
} from '~/models/quiz-fields'

/** What the page needs of a quiz (the loader's `Quiz`, as serialised). */
export interface QuizViewData {
  article: { slug: string; titleAr: string }
  questions: { id: string; type: string; stem: string; options: string[] }[]
  learner: { id: string; displayName: string } | null
  clientToken: string
  /** When the form was first shown (ISO 8601), posted back for the attempt's time taken. */
  startedAt: string
  /** The number of the attempt the form makes, posted back so a form shown again after its submit is refused. */
  attemptNumber: number
}
type QuizQuestion = QuizViewData['questions'][number]

/** Practice mode: the verdict on an answered item, shown under it after "Check". */
export interface ItemFeedback {
  correct: boolean
  key: string
  explanation: string
}

export function QuizView({
  quiz,
  errors,
  values,
  submitting,
  heading,
  signOutTo,
  practice = false,
  feedback,
}: {
  quiz: QuizViewData
  errors: QuizFormErrors | undefined
  values: QuizFormValues | null | undefined
  submitting: boolean
  /** Shown above the questions (e.g. the assignment's mode and attempts). */
  heading?: ReactNode
  /** Where "Not you?" goes after ending the session (default: this page, which then asks for a name). */
  signOutTo?: string
  /** Practice mode: each item gets a "Check" button (a submit named `check`, nothing is stored). */
  practice?: boolean
  /** Verdicts for the items checked so far, by question id. */
  feedback?: Record<string, ItemFeedback> | undefined
}) {
  const { pathname } = useLocation()
  const t = useT(quizText)
  const common = useT(commonMessages)
  const numberOf = new Map(quiz.questions.map((q, i) => [q.id, i + 1]))

  return (
    <>
      <h1>
        {t('quizTitle')}{' '}
        <Link to={`/articles/${quiz.article.slug}`} lang="ar" dir="rtl">
          {quiz.article.titleAr}
        </Link>
      </h1>
      {heading}
      {errors ? <ErrorSummary errors={errors} numberOf={numberOf} /> : null}
      {quiz.questions.length === 0 ? (
        <p className="muted">{t('noQuestions')}</p>
      ) : (
        <>
          {quiz.learner ? (
            // Outside the quiz form (forms cannot nest). On a shared computer the next student ends the
            // previous one's session here and gets the name field back.
            <Form method="post" action="/learner/sign-out" className="inline-form signed-in-as">
              <input type="hidden" name="redirectTo" value={signOutTo ?? pathname} />
              <p className="muted">
                {t('submittedAs')} <bdi className="name">{quiz.learner.displayName}</bdi>.{' '}
                <button type="submit" className="link-button">
                  {common('notYou')}
                </button>
              </p>
            </Form>
          ) : null}
          <Form method="post" className="quiz" noValidate>
            <input type="hidden" name="clientToken" value={quiz.clientToken} />
            <input type="hidden" name={ATTEMPT_FIELD} value={quiz.attemptNumber} />
            {/* A re-rendered form (after a rejected submit) keeps the time it was first shown. */}
            <input type="hidden" name={STARTED_AT_FIELD} value={values?.startedAt ?? quiz.startedAt} />
            <TimeZoneField />
            {quiz.learner ? null : (
              <div className="field">
                <label htmlFor="displayName">{t('yourName')}</label>
                <p className="muted" id="displayName-hint">
                  <BidiText text={t('nameHint', { max: DISPLAY_NAME_MAX })} />
                </p>
                <input
                  id="displayName"
                  name="displayName"
                  type="text"
                  dir="auto"
                  required
                  maxLength={DISPLAY_NAME_MAX}
                  autoComplete="nickname"
                  defaultValue={values?.displayName ?? ''}
                  aria-invalid={errors?.fields.displayName ? true : undefined}
                  aria-describedby={
                    errors?.fields.displayName ? 'displayName-hint displayName-error' : 'displayName-hint'
                  }
                />
                <FieldError id="displayName-error" code={errors?.fields.displayName} />
              </div>
            )}
            {quiz.questions.map((question, i) => (
              <QuestionField
                key={question.id}
                question={question}
                number={i + 1}
                error={errors?.fields[question.id]}
                value={values?.answers[question.id]}
                practice={practice}
                feedback={feedback?.[question.id]}
              />
            ))}
            <p>
              <button type="submit" className="button" disabled={submitting}>
                {submitting ? t('sending') : t('send')}
              </button>
            </p>
          </Form>
        </>
      )}
    </>
  )
}

function QuestionField({
  question,
  number,
  error,
  value,
  practice,
  feedback,
}: {
  question: QuizQuestion
  number: number
  error: QuizMessageCode | undefined
  value: string | undefined
  practice: boolean
  feedback: ItemFeedback | undefined
}) {
  const check = practice ? <PracticeCheck questionId={question.id} feedback={feedback} /> : null
  const id = `q-${number}`
  const errorId = `${id}-error`
  const name = answerFieldName(question.id)
  if (question.type === 'short_answer') {
    return (
      <div className="question" id={id} aria-invalid={error ? true : undefined}>
        <label htmlFor={`${id}-input`} className="question-stem">
          <span className="question-number">
            <bdi>{number}</bdi>.
          </span>{' '}
          <span lang="ar" dir="rtl">
            <BidiText text={question.stem} />
          </span>
        </label>
        <input
          id={`${id}-input`}
          name={name}
          type="text"
          lang="ar"
          dir="rtl"
          required
          maxLength={SHORT_ANSWER_MAX}
          defaultValue={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <FieldError id={errorId} code={error} />
        {check}
      </div>
    )
  }
  return (
    <fieldset
      className="question"
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        <span className="question-number">
          <bdi>{number}</bdi>.
        </span>{' '}
        <span lang="ar" dir="rtl">
          <BidiText text={question.stem} />
        </span>
      </legend>
      <ul className="options" lang="ar" dir="rtl">
        {question.options.map((option, j) => (
          <li key={`${j}-${option}`}>
            <label>
              <input type="radio" name={name} value={option} required defaultChecked={value === option} />
              <span>
                <BidiText text={option} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} code={error} />
      {check}
    </fieldset>
  )
}

function FieldError({ id, code }: { id: string; code: QuizMessageCode | undefined }) {
  if (!code) return null
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      <Bilingual message={quizMessages[code]} />
    </p>
  )
}

/**
 * The errors of a rejected submit, above the quiz: announced (`role="alert"`) and focused when it appears,
 * so keyboard and screen-reader users start from it; one line per error in question order (the name
 * first, form-level problems last), each linking to its field.
 */
function ErrorSummary({ errors, numberOf }: { errors: QuizFormErrors; numberOf: Map<string, number> }) {
  const ref = useRef<HTMLDivElement>(null)
  const t = useT(quizText)
  useEffect(() => {
    ref.current?.focus()
  }, [errors])
  const lines: { order: number; href: string | null; label: string | null; code: QuizMessageCode }[] = [
    ...Object.entries(errors.fields).map(([field, code]) => {
      if (field === 'displayName') return { order: 0, href: '#displayName', label: t('errorName'), code }
      const n = numberOf.get(field)
      return { order: n ?? Number.MAX_SAFE_INTEGER, href: n ? `#q-${n}` : null, label: n ? t('errorQuestion', { n }) : null, code }
    }),
    ...errors.form.map((code) => ({ order: Number.MAX_SAFE_INTEGER, href: null, label: null, code })),
  ].sort((a, b) => a.order - b.order)
  return (
    <div className="form-errors" role="alert" tabIndex={-1} ref={ref} aria-labelledby="quiz-errors-heading">
      <p id="quiz-errors-heading">
        <strong>
          <Bilingual message={quizMessages.summary} />
        </strong>
      </p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            {line.label ? (
              <>
                {line.href ? (
                  <a href={line.href}>
                    <BidiText text={line.label} />
                  </a>
                ) : (
                  <BidiText text={line.label} />
                )}
                {': '}
              </>
            ) : null}
            <Bilingual message={quizMessages[line.code]} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Practice mode: a "Check" submit for one item (formNoValidate, so the other items may still be empty)
 * and, once checked, the verdict with the key and the explanation.
 */
function PracticeCheck({ questionId, feedback }: { questionId: string; feedback: ItemFeedback | undefined }) {
  const t = useT(quizText)
  return (
    <div className="practice-check">
      <button type="submit" name="check" value={questionId} className="button secondary" formNoValidate>
        {t('check')}
      </button>
      {feedback ? (
        <p className={`verdict ${feedback.correct ? 'is-correct' : 'is-incorrect'}`} role="status">
          {feedback.correct ? (
            <>
              <span aria-hidden="true">✓ </span>
              {t('correct')}
            </>
          ) : (
            <>
              <span aria-hidden="true">✗ </span>
              {t('incorrectKey')}{' '}
              <span lang="ar" dir="rtl">
                <BidiText text={feedback.key} />
              </span>
            </>
          )}{' '}
          {feedback.explanation ? (
            <span lang="ar" dir="rtl">
              <BidiText text={feedback.explanation} />
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
