/** /teacher/classes/:classId — one class: its join code, rename, archive/restore, roster, remove a student. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { RouteErrorBoundary } from '~/components/error-panel'
import { FormField } from '~/components/form-field'
import { TeacherFormErrors } from '~/components/teacher-form-errors'
import { getClass, removeStudent, renameClass, setClassArchived } from '~/models/classroom.server'
import { BadRequestError } from '~/models/errors'
import { CLASS_NAME_MAX, ClassNameFormSchema, parseTeacherForm, teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { requireTeacher } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { ClassParamsSchema, parseParams } from '~/utils/params.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename') }),
  z.object({ intent: z.literal('archive') }),
  z.object({ intent: z.literal('restore') }),
  z.object({ intent: z.literal('remove-student'), learnerId: z.string().regex(/^[a-z0-9]{1,64}$/i) }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId } = parseParams(ClassParamsSchema, params)
  return withHttpErrors(async () => ({ classroom: await getClass(teacher.id, classId) }))
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
    }
  })
}

export default function TeacherClass() {
  const { classroom } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  return (
    <>
      <p>
        <Link to="/teacher">← صفوفك</Link>
      </p>
      <h1>
        <bdi>{classroom.name}</bdi>
        {classroom.archived ? <span className="muted"> (مؤرشف)</span> : null}
      </h1>
      <p>
        رمز الانضمام: <bdi dir="ltr" className="join-code">{classroom.joinCode}</bdi> — يكتبه الطلاب مع أسمائهم في
        صفحة <Link to="/join">/join</Link>.
      </p>
      <h2>تغيير الاسم</h2>
      <TeacherFormErrors errors={errors} order={['name']} />
      <Form method="post" className="stack-form">
        <input type="hidden" name="intent" value="rename" />
        <FormField
          name="name"
          label="اسم الصف"
          type="text"
          required
          maxLength={CLASS_NAME_MAX}
          defaultValue={actionData?.values.name ?? classroom.name}
          error={errors?.fields.name ? teacherMessages[errors.fields.name] : undefined}
        />
        <p>
          <button type="submit" className="button secondary" disabled={submitting}>
            احفظ الاسم
          </button>
        </p>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={classroom.archived ? 'restore' : 'archive'} />
        <button type="submit" className="button secondary" disabled={submitting}>
          {classroom.archived ? 'أعد تفعيل الصف' : 'أرشف الصف (لا يقبل طلابًا جددًا)'}
        </button>
      </Form>
      <h2>الطلاب</h2>
      {classroom.roster.length === 0 ? (
        <p className="muted">لم ينضم أحد بعد.</p>
      ) : (
        <ul className="roster">
          {classroom.roster.map((student) => (
            <li key={student.id}>
              <bdi className="name">{student.displayName}</bdi> · <bdi>{student.attempts}</bdi> محاولة{' '}
              <Form
                method="post"
                className="inline-form"
                onSubmit={(event) => {
                  if (!confirm('يُحذف الطالب مع كل إجاباته وبطاقاته. هل أنت متأكد؟')) event.preventDefault()
                }}
              >
                <input type="hidden" name="intent" value="remove-student" />
                <input type="hidden" name="learnerId" value={student.id} />
                <button type="submit" className="link-button">
                  احذف الطالب وكل بياناته
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.classroom.name} — فهم` : 'فهم' },
]

export const ErrorBoundary = RouteErrorBoundary
