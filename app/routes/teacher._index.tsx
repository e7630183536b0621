/** /teacher — the teacher's classes and the form to create one. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormField } from '~/components/form-field'
import { BidiText } from '~/components/bidi-text'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { translator } from '~/i18n/catalogue'
import { teacherMessages as teacherText } from '~/i18n/messages/teacher'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { createClass, listClasses } from '~/models/classroom.server'
import { CLASS_NAME_MAX, ClassNameFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { requireTeacher } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  return withHttpErrors(async () => ({ teacher, classes: await listClasses(teacher.id) }))
}

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const parsed = parseTeacherForm(ClassNameFormSchema, formData)
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
    const result = await createClass(teacher.id, parsed.data.name)
    if (result.status === 'name_taken') {
      const errors: FormErrors = { form: [], fields: { name: 'class_name_taken' } }
      return data({ errors, values: { name: parsed.data.name } }, { status: 400 })
    }
    return redirect(`/teacher/classes/${result.id}`)
  })
}

export default function TeacherHome() {
  const { teacher, classes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const t = useT(teacherText)
  return (
    <>
      <h1>{t('classesTitle')}</h1>
      <Form method="post" action="/teacher/logout" className="inline-form">
        <p className="muted">
          <bdi className="name">{teacher.displayName}</bdi> (<bdi dir="ltr">{teacher.email}</bdi>){' '}
          <button type="submit" className="link-button">
            {t('logOut')}
          </button>
        </p>
      </Form>
      <p>
        <Link to="/teacher/articles">{t('yourArticles')}</Link>
      </p>
      {classes.length === 0 ? (
        <p className="muted">
          {t('noClasses')} <bdi dir="ltr">/join</bdi>.
        </p>
      ) : (
        <ul className="class-list">
          {classes.map((c) => (
            <li key={c.id}>
              <Link to={`/teacher/classes/${c.id}`}>
                <bdi>{c.name}</bdi>
              </Link>{' '}
              — {t('code')} <bdi dir="ltr" className="join-code">{c.joinCode}</bdi> ·{' '}
              <BidiText text={t('students', { n: c.students })} />
              {c.archived ? ` · ${t('archived')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('newClass')}</h2>
      <TeacherFormErrors errors={errors} order={['name']} />
      <Form method="post" className="stack-form" noValidate>
        <FormField
          name="name"
          label={t('className')}
          dir="auto"
          type="text"
          required
          maxLength={CLASS_NAME_MAX}
          defaultValue={actionData?.values.name ?? ''}
          error={errors?.fields.name ? teacherMessages[errors.fields.name] : undefined}
        />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('createClass')}
          </button>
        </p>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(teacherText, lang)('classesTitle'))

export const ErrorBoundary = RouteErrorBoundary
