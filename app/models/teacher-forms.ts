/**
 * The teacher and class forms: one zod schema per form, used by the action (and the same field names by
 * the page), with bilingual messages. Issues carry a {@link TeacherMessageCode} as their message.
 */
import { z } from 'zod'
import type { BilingualMessage } from './errors'
import { parseDisplayNameText } from './display-name'

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200
export const CLASS_NAME_MAX = 80
/** Join codes: eight characters of an alphabet without 0/O, 1/l/I (and without U/V look-alikes). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789'
export const JOIN_CODE_LENGTH = 8

export const teacherMessages = {
  summary: { ar: 'لم يُحفظ شيء. صحّح ما يلي ثم أعد الإرسال.', en: 'Nothing was saved. Correct the following and try again.' },
  sign_in_summary: { ar: 'لم يتم تسجيل الدخول. صحّح ما يلي ثم أعد المحاولة.', en: 'You are not signed in. Correct the following and try again.' },
  email_invalid: { ar: 'اكتب عنوان بريد إلكتروني صحيحًا.', en: 'Enter a valid email address.' },
  email_taken: { ar: 'لهذا البريد حساب من قبل. سجّل الدخول.', en: 'This email already has an account. Sign in.' },
  password_short: {
    ar: `كلمة المرور قصيرة (${PASSWORD_MIN} أحرف على الأقل).`,
    en: `The password is too short (at least ${PASSWORD_MIN} characters).`,
  },
  password_long: { ar: 'كلمة المرور طويلة جدًا.', en: 'The password is too long.' },
  login_failed: { ar: 'البريد أو كلمة المرور غير صحيحين.', en: 'Wrong email or password.' },
  login_rate_limited: {
    ar: 'محاولات دخول كثيرة. انتظر ربع ساعة ثم حاول مرة أخرى.',
    en: 'Too many sign-in attempts. Wait a quarter of an hour and try again.',
  },
  display_name_empty: { ar: 'اكتب اسمك.', en: 'Enter your name.' },
  display_name_no_letter: { ar: 'اكتب اسمًا فيه حرف واحد على الأقل.', en: 'Enter a name with at least one letter.' },
  display_name_too_long: { ar: 'الاسم طويل جدًا (60 حرفًا على الأكثر).', en: 'The name is too long (60 characters at most).' },
  class_name_empty: { ar: 'اكتب اسم الصف.', en: 'Enter the class name.' },
  class_name_too_long: {
    ar: `اسم الصف طويل جدًا (${CLASS_NAME_MAX} حرفًا على الأكثر).`,
    en: `The class name is too long (${CLASS_NAME_MAX} characters at most).`,
  },
  class_name_taken: { ar: 'لديك صف بهذا الاسم من قبل.', en: 'You already have a class with this name.' },
  join_code_empty: { ar: 'اكتب رمز الصف الذي أعطاك إياه معلّمك.', en: 'Enter the class code your teacher gave you.' },
  join_code_invalid: {
    ar: 'رمز الصف غير صحيح. تأكّد منه عند معلّمك.',
    en: 'This class code is wrong. Check it with your teacher.',
  },
  join_code_archived: {
    ar: 'هذا الصف مؤرشف ولا يقبل طلابًا جددًا.',
    en: 'This class is archived and accepts no new students.',
  },
  invalid_post: { ar: 'النموذج غير صالح، أعد تحميل الصفحة.', en: 'The form is invalid; reload the page.' },
} as const satisfies Record<string, BilingualMessage>
export type TeacherMessageCode = keyof typeof teacherMessages

const code = (c: TeacherMessageCode) => ({ message: c })
const text = z.string().catch('')

const EmailSchema = text.pipe(
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(code('email_invalid')).max(254, code('email_invalid'))),
)
const PasswordSchema = text.pipe(
  z.string().min(PASSWORD_MIN, code('password_short')).max(PASSWORD_MAX, code('password_long')),
)
const PersonNameSchema = text.transform((raw, ctx) => {
  const parsed = parseDisplayNameText(raw)
  if (parsed.success) return parsed.name
  ctx.addIssue({ code: 'custom', message: parsed.code })
  return z.NEVER
})
const ClassNameSchema = text.pipe(
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, code('class_name_empty')).max(CLASS_NAME_MAX, code('class_name_too_long'))),
)

/** Sign-up: email, password, display name, the browser's time zone (optional). */
export const SignupFormSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: PersonNameSchema,
  timeZone: z.string().optional().catch(undefined),
})

/** Sign-in: any password length is checked against the hash (only the maximum bounds the work). */
export const LoginFormSchema = z.object({
  email: EmailSchema,
  password: text.pipe(z.string().min(1, code('login_failed')).max(PASSWORD_MAX, code('login_failed'))),
  redirectTo: z.string().optional().catch(undefined),
})

/** Create or rename a class. */
export const ClassNameFormSchema = z.object({ name: ClassNameSchema })

/**
 * A join code as typed: white space and dashes dropped, upper-cased; must then be 8 characters of the
 * alphabet.
 */
export const JoinCodeSchema = text.pipe(
  z
    .string()
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .min(1, code('join_code_empty'))
        .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), code('join_code_invalid')),
    ),
)

/** /join: the class code and the student's display name. */
export const JoinFormSchema = z.object({ code: JoinCodeSchema, displayName: PersonNameSchema })

/** Field errors of a form: one code per field, plus form-level codes. */
export interface FormErrors {
  form: TeacherMessageCode[]
  fields: Record<string, TeacherMessageCode>
}

/**
 * Parses a form with one of the schemas above.
 * @returns the data, or the errors and the submitted text values (never passwords) to echo back.
 */
export function parseTeacherForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { success: true; data: z.output<S> } | { success: false; errors: FormErrors; values: Record<string, string> } {
  const raw: Record<string, string> = {}
  for (const [name, value] of formData.entries()) if (typeof value === 'string' && !(name in raw)) raw[name] = value
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { success: true, data: parsed.data }
  const errors: FormErrors = { form: [], fields: {} }
  for (const issue of parsed.error.issues) {
    const c = (issue.message in teacherMessages ? issue.message : 'invalid_post') as TeacherMessageCode
    const field = issue.path[0]
    if (typeof field === 'string') errors.fields[field] ??= c
    else if (!errors.form.includes(c)) errors.form.push(c)
  }
  const { password: _password, ...values } = raw
  return { success: false, errors, values }
}
