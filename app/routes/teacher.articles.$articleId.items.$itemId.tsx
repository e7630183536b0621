/** /teacher/articles/:articleId/items/:itemId — edit one item (same id; validated like generated items). */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { Bilingual } from '~/components/bilingual'
import { RouteErrorBoundary } from '~/components/error-panel'
import { translator } from '~/i18n/catalogue'
import { teacherArticleText } from '~/i18n/messages/teacher-articles'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { FormErrorSummary, FormField } from '~/components/form-field'
import { ITEM_TEXT_MAX, articleFormErrors, articleMessages, itemEditSchema } from '~/models/article-forms'
import { editItem, getItemForEdit } from '~/models/teacher-article.server'
import { requireTeacher } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { ArticleItemParamsSchema, parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { articleId, itemId } = parseParams(ArticleItemParamsSchema, params)
  return withHttpErrors(async () => ({ articleId, item: await getItemForEdit(teacher.id, articleId, itemId) }))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { articleId, itemId } = parseParams(ArticleItemParamsSchema, params)
  return withHttpErrors(async () => {
    const item = await getItemForEdit(teacher.id, articleId, itemId)
    const formData = await readFormData(request)
    const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '')
    const raw = {
      stem: str(formData.get('stem')),
      key: str(formData.get('key')),
      explanation: str(formData.get('explanation')),
      options: formData.getAll('options').map(str),
    }
    const parsed = itemEditSchema(item.type).safeParse(raw)
    if (!parsed.success) return data({ errors: articleFormErrors(parsed.error), values: raw }, { status: 400 })
    await editItem(teacher.id, articleId, itemId, parsed.data, new Date())
    return redirect(`/teacher/articles/${articleId}#item-${encodeURIComponent(itemId)}`)
  })
}

export default function EditItem() {
  const { articleId, item } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const values = actionData?.values ?? { stem: item.stem, key: item.key, explanation: item.explanation, options: item.options }
  const choice = item.type === 'mcq' || item.type === 'cloze'
  const order = ['stem', 'options', 'key', 'explanation']
  const t = useT(teacherArticleText)
  return (
    <>
      <p>
        <Link to={`/teacher/articles/${articleId}`}>
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>{' '}
          <bdi lang="ar">{item.articleTitle}</bdi>
        </Link>
      </p>
      <h1>{t('editTitle')}</h1>
      <blockquote className="evidence">
        <p>
          {t('evidence')}{' '}
          <mark lang="ar" dir="rtl">
            <BidiText text={item.evidence} />
          </mark>
        </p>
      </blockquote>
      {errors ? (
        <FormErrorSummary
          summary={articleMessages.summary}
          lines={Object.entries(errors)
            .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
            .map(([field, c]) => ({ field, message: articleMessages[c] }))}
        />
      ) : null}
      <Form method="post" className="stack-form" noValidate>
        <FormField name="stem" label={t('stem')} type="text" lang="ar" dir="rtl" required maxLength={ITEM_TEXT_MAX} defaultValue={values.stem} error={errors?.stem ? articleMessages[errors.stem] : undefined} />
        {choice ? (
          <fieldset className="field" id="field-options" aria-invalid={errors?.options ? true : undefined} aria-describedby={errors?.options ? 'field-options-error' : undefined}>
            <legend>{t('options')}</legend>
            {values.options.map((option, i) => (
              <input
                key={i}
                name="options"
                type="text"
                lang="ar"
                dir="rtl"
                required
                aria-label={t('option', { n: i + 1 })}
                aria-invalid={errors?.options ? true : undefined}
                aria-describedby={errors?.options ? 'field-options-error' : undefined}
                maxLength={ITEM_TEXT_MAX}
                defaultValue={option}
              />
            ))}
            {errors?.options ? (
              <p className="field-error" id="field-options-error">
                <span aria-hidden="true">⚠ </span>
                <Bilingual message={articleMessages[errors.options]} />
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <FormField
          name="key"
          label={item.type === 'true_false' ? t('keyTrueFalse') : choice ? t('keyChoice') : t('key')}
          type="text"
          lang="ar"
          dir="rtl"
          required
          maxLength={ITEM_TEXT_MAX}
          defaultValue={values.key}
          error={errors?.key ? articleMessages[errors.key] : undefined}
        />
        <FormField name="explanation" label={t('explanation')} type="text" lang="ar" dir="rtl" maxLength={ITEM_TEXT_MAX} defaultValue={values.explanation} error={errors?.explanation ? articleMessages[errors.explanation] : undefined} />
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {t('saveEdit')}
          </button>
        </p>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(teacherArticleText, lang)('editTitle'))

export const ErrorBoundary = RouteErrorBoundary
