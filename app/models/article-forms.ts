/**
 * The teacher's article and item forms: one zod schema per form with bilingual messages (client-safe).
 * Issues carry an {@link ArticleMessageCode} as their message.
 */
import { z } from 'zod'
import { hasArabicLetter, normalizeAnswer } from '~/generator/text/normalize'
import type { BilingualMessage } from './errors'

export const ARTICLE_TEXT_MAX = 50_000
export const ARTICLE_TITLE_MAX = 200
export const ITEM_TEXT_MAX = 1000

export const articleMessages = {
  summary: { ar: 'لم يُحفظ شيء. صحّح ما يلي ثم أعد الإرسال.', en: 'Nothing was saved. Correct the following and try again.' },
  title_empty: { ar: 'اكتب عنوان المقال.', en: 'Enter the article title.' },
  title_too_long: {
    ar: `العنوان طويل جدًا (${ARTICLE_TITLE_MAX} حرف على الأكثر).`,
    en: `The title is too long (${ARTICLE_TITLE_MAX} characters at most).`,
  },
  text_empty: { ar: 'الصق نص المقال.', en: 'Paste the article text.' },
  text_too_long: {
    ar: 'النص طويل جدًا (50,000 حرف على الأكثر).',
    en: 'The text is too long (50,000 characters at most).',
  },
  text_not_arabic: { ar: 'النص ليس عربيًا: لا حرف عربي فيه.', en: 'The text is not Arabic: it holds no Arabic letter.' },
  stem_empty: { ar: 'اكتب نص السؤال.', en: 'Enter the question text.' },
  field_too_long: { ar: 'النص طويل جدًا.', en: 'The text is too long.' },
  key_empty: { ar: 'اكتب الإجابة الصحيحة.', en: 'Enter the correct answer.' },
  option_empty: { ar: 'لا تترك خيارًا فارغًا.', en: 'Do not leave an option empty.' },
  options_not_unique: { ar: 'الخيارات مكرّرة (بعد توحيد الكتابة).', en: 'Two options are the same (after normalisation).' },
  key_not_in_options: { ar: 'الإجابة الصحيحة ليست بين الخيارات.', en: 'The correct answer is not among the options.' },
  invalid_post: { ar: 'النموذج غير صالح، أعد تحميل الصفحة.', en: 'The form is invalid; reload the page.' },
} as const satisfies Record<string, BilingualMessage>
export type ArticleMessageCode = keyof typeof articleMessages

const code = (c: ArticleMessageCode) => ({ message: c })
const text = z.string().catch('')
const codePoints = (s: string) => [...s].length

/** New article: a title and the text exactly as pasted (not trimmed, not normalised). */
export const ArticleFormSchema = z.object({
  title: text
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, code('title_empty')).max(ARTICLE_TITLE_MAX, code('title_too_long'))),
  text: text.superRefine((s, ctx) => {
    if (s.trim() === '') ctx.addIssue({ code: 'custom', message: 'text_empty' })
    else if (codePoints(s) > ARTICLE_TEXT_MAX) ctx.addIssue({ code: 'custom', message: 'text_too_long' })
    else if (!hasArabicLetter(s)) ctx.addIssue({ code: 'custom', message: 'text_not_arabic' })
  }),
})

const itemText = (empty: ArticleMessageCode) =>
  text.transform((s) => s.trim()).pipe(z.string().min(1, code(empty)).max(ITEM_TEXT_MAX, code('field_too_long')))

/**
 * An edited item, validated like generated items: the key among the options and the options unique after
 * `normalizeAnswer` (choice types); a non-empty key (short answers).
 * @param type the item's type (not editable).
 */
export function itemEditSchema(type: string) {
  const choice = type === 'mcq' || type === 'cloze'
  return z
    .object({
      stem: itemText('stem_empty'),
      key: itemText('key_empty'),
      explanation: text.transform((s) => s.trim()).pipe(z.string().max(ITEM_TEXT_MAX, code('field_too_long'))),
      options: z.array(text.transform((s) => s.trim())).catch([]),
    })
    .superRefine((item, ctx) => {
      if (type === 'true_false') {
        if (item.key !== 'صح' && item.key !== 'خطأ') ctx.addIssue({ code: 'custom', message: 'key_not_in_options', path: ['key'] })
        return
      }
      if (!choice) return
      if (item.options.length < 2 || item.options.some((o) => o === '')) {
        ctx.addIssue({ code: 'custom', message: 'option_empty', path: ['options'] })
        return
      }
      const normalised = item.options.map((o) => normalizeAnswer(o))
      if (new Set(normalised).size !== normalised.length) {
        ctx.addIssue({ code: 'custom', message: 'options_not_unique', path: ['options'] })
      }
      if (!item.options.includes(item.key)) ctx.addIssue({ code: 'custom', message: 'key_not_in_options', path: ['key'] })
    })
    .transform((item) => ({
      ...item,
      options: type === 'true_false' ? ['صح', 'خطأ'] : choice ? item.options : [],
    }))
}

/** Field errors: one code per field. */
export type ArticleFormErrors = Record<string, ArticleMessageCode>

/** Runs a schema over parsed input and maps issues to field codes. */
export function articleFormErrors(error: z.ZodError): ArticleFormErrors {
  const errors: ArticleFormErrors = {}
  for (const issue of error.issues) {
    const c = (issue.message in articleMessages ? issue.message : 'invalid_post') as ArticleMessageCode
    errors[String(issue.path[0] ?? 'form')] ??= c
  }
  return errors
}
