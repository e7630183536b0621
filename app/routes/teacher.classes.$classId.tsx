/** /teacher/classes/:classId — one class: its join code, rename, archive/restore, roster, remove a student. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormErrorSummary, FormField } from '~/components/form-field'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { getClass, removeStudent, renameClass, setClassArchived } from '~/models/classroom.server'
import { createAssignment, listAssignableArticles, listAssignableItems, listClassAssignments } from '~/models/assignment.server'
import { ATTEMPTS_MAX, AssignmentFormSchema, assignmentMessages, type AssignmentMessageCode } from '~/models/assignment-forms'
import { Bilingual } from '~/components/bilingual'
import { BidiText } from '~/components/bidi-text'
import { ExportLinks } from '~/components/export-links'
import { BadRequestError } from '~/models/errors'
import { CLASS_NAME_MAX, ClassNameFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { requireTeacher } from '~/utils/auth.server'
import { formatDateTimeShortIn } from '~/utils/format'
import type { Lang } from '~/i18n/lang'
import { getLang } from '~/i18n/lang.server'
import { teacherMessages as teacherText } from '~/i18n/messages/teacher'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { ClassParamsSchema, parseParams } from '~/utils/params.server'
import { insightMessages } from '~/i18n/messages/insight'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename') }),
  z.object({ intent: z.literal('archive') }),
  z.object({ intent: z.literal('restore') }),
  z.object({ intent: z.literal('remove-student'), learnerId: z.string().regex(/^[a-z0-9]{1,64}$/i) }),
  z.object({ intent: z.literal('assign') }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId } = parseParams(ClassParamsSchema, params)
  const chosenArticle = new URL(request.url).searchParams.get('article')
  const lang = await getLang(request)
  return withHttpErrors(async () => ({
    classroom: await withSubmittedLabels(await getClass(teacher.id, classId), teacher.timeZone, lang),
    // `?article=<id>`: the assign form lists that article's approved items to choose from.
    choosing: chosenArticle && /^[a-z0-9]{1,64}$/i.test(chosenArticle) ? await listAssignableItems(teacher.id, chosenArticle) : null,
    assignments: await listClassAssignments(teacher, classId, lang),
    articles: await listAssignableArticles(teacher.id),
    timeZone: teacher.timeZone,
  }))
}

/** Each roster result's submission time, formatted on the server in the teacher's zone and language. */
function withSubmittedLabels(classroom: Awaited<ReturnType<typeof getClass>>, timeZone: string, lang: Lang) {
  return {
    ...classroom,
    roster: classroom.roster.map((student) => ({
      ...student,
      results: student.results.map((r) => ({
        ...r,
        submittedLabel: formatDateTimeShortIn(new Date(r.submittedAt), timeZone, lang),
      })),
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId } = parseParams(ClassParamsSchema, params)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const intent = IntentSchema.safeParse(Object.fromEntries(formData))
    if (!intent.success) throw new BadRequestError('unknown intent')
    const back = redirect(`/teacher/classes/${classId}`)
    switch (intent.data.intent) {
      case 'rename': {
        const parsed = parseTeacherForm(ClassNameFormSchema, formData)
        if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
        const result = await renameClass(teacher.id, classId, parsed.data.name)
        if (result.status === 'name_taken') {
          const errors: FormErrors = { form: [], fields: { name: 'class_name_taken' } }
          return data({ errors, values: { name: parsed.data.name } }, { status: 400 })
        }
        return back
      }
      case 'archive':
      case 'restore':
        await setClassArchived(teacher.id, classId, intent.data.intent === 'archive', new Date())
        return back
      case 'remove-student':
        await removeStudent(teacher.id, classId, intent.data.learnerId)
        return back
      case 'assign': {
        const raw = {
          articleId: formData.get('articleId') ?? '',
          mode: formData.get('mode') ?? '',
          attemptsAllowed: formData.get('attemptsAllowed') ?? '',
          due: formData.get('due') ?? '',
          questionIds: formData.getAll('questionIds'),
        }
        const echo = { articleId: String(raw.articleId), mode: String(raw.mode), attemptsAllowed: String(raw.attemptsAllowed), due: String(raw.due) }
        const parsed = AssignmentFormSchema.safeParse(raw)
        if (!parsed.success) {
          const fields: Record<string, AssignmentMessageCode> = {}
          for (const issue of parsed.error.issues) {
            const c = (issue.message in assignmentMessages ? issue.message : 'due_invalid') as AssignmentMessageCode
            fields[String(issue.path[0])] ??= c
          }
          return data({ assignErrors: fields, assignValues: echo }, { status: 400 })
        }
        const result = await createAssignment(teacher, classId, parsed.data, new Date())
        if (result.status === 'invalid') {
          return data({ assignErrors: { [result.field]: result.code }, assignValues: echo }, { status: 400 })
        }
        return redirect(`/teacher/classes/${classId}#assignments`)
      }
    }
  })
}

export default function TeacherClass() {
  const { classroom, assignments, articles, timeZone, choosing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const renameValues = actionData && 'values' in actionData ? actionData.values : undefined
  const assignErrors: Record<string, AssignmentMessageCode> | undefined =
    actionData && 'assignErrors' in actionData ? actionData.assignErrors : undefined
  const assignValues: Record<string, string> = actionData && 'assignValues' in actionData ? actionData.assignValues : {}
  const assignError = (field: string) => (assignErrors?.[field] ? assignmentMessages[assignErrors[field]!] : undefined)
  const t = useT(teacherText)
  const ti = useT(insightMessages)
  return (
    <>
      <p>
        <Link to="/teacher" className="back-link">
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>{' '}
          {t('backToClasses')}
        </Link>
      </p>
      <h1>
        <bdi>{classroom.name}</bdi>
        {classroom.archived ? <span className="muted"> ({t('archived')})</span> : null}
      </h1>
      <p>
        {t('joinCodeLabel')} <bdi dir="ltr" className="join-code">{classroom.joinCode}</bdi> {t('joinCodeHelp')}{' '}
        <Link to="/join">
          <bdi dir="ltr">/join</bdi>
        </Link>
        .
      </p>
      <p>
        <Link to={`/teacher/classes/${classroom.id}/insight`} className="button secondary">
          {ti('open_insight')}
        </Link>
      </p>
      <h2>{t('rename')}</h2>
      <TeacherFormErrors errors={errors} order={['name']} />
      <Form method="post" className="stack-form" noValidate>
        <input type="hidden" name="intent" value="rename" />
        <FormField
          name="name"
          label={t('className')}
          type="text"
          dir="auto"
          required
          maxLength={CLASS_NAME_MAX}
          defaultValue={renameValues?.name ?? classroom.name}
          error={errors?.fields.name ? teacherMessages[errors.fields.name] : undefined}
        />
        <p>
          <button type="submit" className="button secondary" disabled={submitting}>
            {t('saveName')}
          </button>
        </p>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={classroom.archived ? 'restore' : 'archive'} />
        <button type="submit" className="button secondary" disabled={submitting}>
          {classroom.archived ? t('restoreClass') : t('archiveClass')}
        </button>
      </Form>
      <h2 id="assignments">{t('assignments')}</h2>
      {assignments.length === 0 ? (
        <p className="muted">{t('noAssignments')}</p>
      ) : (
        <ul className="class-list">
          {assignments.map((a) => (
            <li key={a.id}>
              <bdi lang="ar">{a.articleTitle}</bdi> — {a.mode === 'practice' ? t('modePractice') : t('modeTest')} ·{' '}
              <BidiText text={t('questionCount', { n: a.questions })} /> · {t('attemptsAllowed')} <bdi>{a.attemptsAllowed}</bdi>{' '}
              ·{' '}
              {a.dueLabel ? (
                <>
                  {t('due')} <bdi>{a.dueLabel}</bdi>
                </>
              ) : (
                t('noDue')
              )}{' '}
              · <BidiText text={t('attemptsSent', { n: a.attempts })} /> ·{' '}
              <Link to={`/teacher/classes/${classroom.id}/insight/${a.id}`}>{ti('open_assignment_insight')}</Link> ·{' '}
              <Link
                to={`/teacher/classes/${classroom.id}/assignments/${a.id}/print`}
                aria-label={t('printQuizFor', { title: a.articleTitle })}
              >
                {t('printQuiz')}
              </Link>
              <br />
              <ExportLinks base={`/teacher/assignments/${a.id}/export`} label="assignmentDownloads" />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('newAssignment')}</h3>
      {assignErrors ? (
        <FormErrorSummary
          summary={assignmentMessages.summary}
          lines={Object.entries(assignErrors).map(([field, c]) => ({ field, message: assignmentMessages[c] }))}
        />
      ) : null}
      {/* Step 1 (optional, a GET): pick an article to choose its items; without it the default quiz is used. */}
      <Form method="get" className="inline-form" preventScrollReset>
        <label htmlFor="choose-article">{t('chooseArticleItems')} </label>
        <select id="choose-article" name="article" defaultValue={choosing?.articleId ?? ''}>
          {articles.map((a) => (
            <option key={a.id} value={a.id} disabled={a.questions === 0}>
              {a.titleAr}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button secondary">
          {t('showItems')}
        </button>
      </Form>
      <Form method="post" className="stack-form" noValidate>
        <input type="hidden" name="intent" value="assign" />
        {choosing ? (
          <fieldset
            className="field"
            id="field-questionIds"
            aria-invalid={assignError('questionIds') ? true : undefined}
            aria-describedby={assignError('questionIds') ? 'field-questionIds-error' : undefined}
          >
            <legend>
              {t('approvedItemsOf')} «<bdi lang="ar">{choosing.titleAr}</bdi>» {t('approvedItemsNote')}
            </legend>
            <input type="hidden" name="articleId" value={choosing.articleId} />
            {assignError('questionIds') ? (
              <p className="field-error" id="field-questionIds-error">
                <span aria-hidden="true">⚠ </span>
                <Bilingual message={assignError('questionIds')!} />
              </p>
            ) : null}
            <ul className="options" lang="ar" dir="rtl">
              {choosing.items.map((item) => (
                <li key={item.id}>
                  <label>
                    <input type="checkbox" name="questionIds" value={item.id} defaultChecked={item.inDefaultQuiz} />{' '}
                    <span>
                      <BidiText text={item.stem} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
        <div className="field">
          <label htmlFor="field-articleId">{t('articleField')}</label>
          <select
            id="field-articleId"
            name="articleId"
            required
            defaultValue={assignValues.articleId ?? ''}
            aria-invalid={assignErrors?.articleId ? true : undefined}
            aria-describedby={assignErrors?.articleId ? 'field-articleId-error' : undefined}
          >
            <option value="">—</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id} disabled={a.questions === 0}>
                {a.titleAr} ({a.own ? t('ownArticle') : t('sampleArticle')}، {t('questionCount', { n: a.questions })})
              </option>
            ))}
          </select>
          {assignError('articleId') ? (
            <p className="field-error" id="field-articleId-error">
              <Bilingual message={assignError('articleId')!} />
            </p>
          ) : null}
        </div>
        )}
        <fieldset className="field" id="field-mode">
          <legend>{t('modeLegend')}</legend>
          <label>
            <input type="radio" name="mode" value="test" defaultChecked={(assignValues.mode ?? 'test') === 'test'} />{' '}
            {t('modeTestLong')}
          </label>{' '}
          <label>
            <input type="radio" name="mode" value="practice" defaultChecked={assignValues.mode === 'practice'} />{' '}
            {t('modePracticeLong')}
          </label>
        </fieldset>
        <FormField
          name="attemptsAllowed"
          label={t('attemptsAllowed')}
          type="number"
          min={1}
          max={ATTEMPTS_MAX}
          required
          defaultValue={assignValues.attemptsAllowed ?? '1'}
          error={assignError('attemptsAllowed')}
        />
        <FormField
          name="due"
          label={t('dueField')}
          hint={
            <>
              {t('inZone')} <bdi dir="ltr">{timeZone}</bdi>
            </>
          }
          type="datetime-local"
          dir="ltr"
          defaultValue={assignValues.due ?? ''}
          error={assignError('due')}
        />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('assign')}
          </button>
        </p>
      </Form>
      <h2>{t('studentsHeading')}</h2>
      {classroom.roster.length === 0 ? (
        <p className="muted">{t('noStudents')}</p>
      ) : (
        <ul className="roster">
          {classroom.roster.map((student) => (
            <li key={student.id}>
              <bdi className="name">{student.displayName}</bdi> · <BidiText text={t('attemptsOfStudent', { n: student.attempts })} />{' '}
              <Form
                method="post"
                className="inline-form"
                onSubmit={(event) => {
                  if (!confirm(t('confirmRemove'))) event.preventDefault()
                }}
              >
                <input type="hidden" name="intent" value="remove-student" />
                <input type="hidden" name="learnerId" value={student.id} />
                <button type="submit" className="link-button">
                  {t('removeStudent')}
                </button>
              </Form>
              {student.results.length > 0 && (
                <ul className="student-results">
                  {student.results.map((r) => (
                    <li key={r.id}>
                      <Link to={`/attempts/${r.id}`}>
                        <bdi lang="ar">{r.articleTitle}</bdi>: <bdi dir="ltr">{`${r.score}/${r.total}`}</bdi>
                      </Link>{' '}
                      <span className="muted">
                        <bdi>{r.submittedLabel}</bdi>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => data?.classroom.name ?? null)

export const ErrorBoundary = RouteErrorBoundary
