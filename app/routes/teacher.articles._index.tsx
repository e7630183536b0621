/** /teacher/articles — the teacher's own articles, and pasting a new one (the generator makes drafts). */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Bilingual } from '~/components/bilingual'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { ExportLinks } from '~/components/export-links'
import { translator } from '~/i18n/catalogue'
import { intlLocale } from '~/i18n/lang'
import { teacherArticleText } from '~/i18n/messages/teacher-articles'
import { pageTitle } from '~/i18n/meta'
import { useLang, useT } from '~/i18n/use-t'
import { FormErrorSummary, FormField } from '~/components/form-field'
import { ARTICLE_TEXT_MAX, ARTICLE_TITLE_MAX, ArticleFormSchema, articleFormErrors, articleMessages } from '~/models/article-forms'
import { createTeacherArticle, listTeacherArticles } from '~/models/teacher-article.server'
import { listAssignableArticles } from '~/models/assignment.server'
import { requireTeacher } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { exportMessages } from '~/i18n/messages/exports'

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  return withHttpErrors(async () => ({
    articles: await listTeacherArticles(teacher.id),
    // The shared sample articles, for their downloads (they have no review page).
    samples: (await listAssignableArticles(teacher.id)).filter((a) => !a.own),
  }))
}

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const raw = { title: formData.get('title'), text: formData.get('text') }
    const parsed = ArticleFormSchema.safeParse(raw)
    if (!parsed.success) {
      const values = { title: typeof raw.title === 'string' ? raw.title : '', text: typeof raw.text === 'string' ? raw.text : '' }
      return data({ errors: articleFormErrors(parsed.error), values }, { status: 400 })
    }
    const { articleId } = await createTeacherArticle(teacher.id, parsed.data, new Date())
    return redirect(`/teacher/articles/${articleId}`)
  })
}

export default function TeacherArticles() {
  const { articles, samples } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const order = ['title', 'text']
  const t = useT(teacherArticleText)
  const lang = useLang()
  const te = useT(exportMessages)
  return (
    <>
      <p>
        <Link to="/teacher">
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>{' '}
          {t('backToClasses')}
        </Link>
      </p>
      <h1>{t('title')}</h1>
      {articles.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="class-list">
          {articles.map((a) => (
            <li key={a.id}>
              <Link to={`/teacher/articles/${a.id}`}>
                <bdi lang="ar">{a.titleAr}</bdi>
              </Link>{' '}
              — {t('drafts')} <bdi>{a.counts.draft}</bdi> · {t('approved')} <bdi>{a.counts.approved}</bdi> · {t('rejected')}{' '}
              <bdi>{a.counts.rejected}</bdi>
            </li>
          ))}
        </ul>
      )}
      {samples.length > 0 ? (
        <>
        <h2>{te('sampleArticles')}</h2>
        <ul className="class-list">
          {samples.map((a) => (
            <li key={a.id}>
              <bdi lang="ar">{a.titleAr}</bdi> <span className="muted">({te('sample')})</span> —{' '}
              <ExportLinks base={`/teacher/articles/${a.id}/export`} label="articleDownloads" />
            </li>
          ))}
        </ul>
        </>
      ) : null}
      <h2>{t('addHeading')}</h2>
      {errors ? (
        <FormErrorSummary
          summary={articleMessages.summary}
          lines={Object.entries(errors)
            .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
            .map(([field, c]) => ({ field, message: articleMessages[c] }))}
        />
      ) : null}
      <Form method="post" className="stack-form" noValidate>
        <FormField
          name="title"
          label={t('titleField')}
          type="text"
          lang="ar"
          dir="auto"
          required
          maxLength={ARTICLE_TITLE_MAX}
          defaultValue={actionData?.values.title ?? ''}
          error={errors?.title ? articleMessages[errors.title] : undefined}
        />
        <div className="field">
          <label htmlFor="field-text">{t('textField')}</label>
          <p className="muted" id="field-text-hint">
            <BidiText text={t('textHint', { max: new Intl.NumberFormat(intlLocale(lang)).format(ARTICLE_TEXT_MAX) })} />
          </p>
          <textarea
            id="field-text"
            lang="ar"
            dir="rtl"
            name="text"
            rows={14}
            required
            maxLength={ARTICLE_TEXT_MAX}
            defaultValue={actionData?.values.text ?? ''}
            aria-invalid={errors?.text ? true : undefined}
            aria-describedby={errors?.text ? 'field-text-hint field-text-error' : 'field-text-hint'}
          />
          {errors?.text ? (
            <p className="field-error" id="field-text-error">
              <span aria-hidden="true">⚠ </span>
              <Bilingual message={articleMessages[errors.text]} />
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t('generating') : t('add')}
          </button>
        </p>
      </Form>
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(teacherArticleText, lang)('title'))

export const ErrorBoundary = RouteErrorBoundary
