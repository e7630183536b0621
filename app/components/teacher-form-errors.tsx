/** The error summary of a teacher/class/join form, from the action's `FormErrors`. */
import { teacherMessages, type FormErrors } from '~/models/teacher-forms'
import { FormErrorSummary } from './form-field'

export function TeacherFormErrors({ errors, order }: { errors: FormErrors | undefined; order: string[] }) {
  if (!errors) return null
  const fields = Object.entries(errors.fields).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
  return (
    <FormErrorSummary
      summary={teacherMessages.summary}
      lines={[
        ...fields.map(([field, code]) => ({ field, message: teacherMessages[code] })),
        ...errors.form.map((code) => ({ field: null, message: teacherMessages[code] })),
      ]}
    />
  )
}
