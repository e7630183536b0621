/** /teacher/articles/:articleId — the question bank of a teacher's article: approve, reject, edit, bulk approve. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { ExportLinks } from '~/components/export-links'
import { useSkillName } from '~/components/insight/view-controls'
import { QuestionTypeSchema } from '~/generator/schema'
import { translator } from '~/i18n/catalogue'
import { teacherArticleText } from '~/i18n/messages/teacher-articles'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { BadRequestError } from '~/models/errors'
import { approveAllDrafts, getArticleReview, regenerateArticle, setItemStatus, type ReviewItem } from '~/models/teacher-article.server'
import { requireTeacher } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { ArticleIdParamsSchema, parseParams } from '~/utils/params.server'

const ItemId = z.string().regex(/^[\w:.-]{1,200}$/)
const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), itemId: ItemId }),
  z.object({ intent: z.literal('reject'), itemId: ItemId }),
  z.object({ intent: z.literal('restore'), itemId: ItemId }),
  z.object({ intent: z.literal('approve-all') }),
  z.object({ intent: z.literal('regenerate') }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { articleId } = parseParams(ArticleIdParamsSchema, params)
  return withHttpErrors(async () => ({ article: await getArticleReview(teacher.id, articleId) }))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { articleId } = parseParams(ArticleIdParamsSchema, params)
  return withHttpErrors(async () => {
    const intent = IntentSchema.safeParse(Object.fromEntries(await readFormData(request)))
    if (!intent.success) throw new BadRequestError('unknown intent')
    const d = intent.data
    if (d.intent === 'approve-all') await approveAllDrafts(teacher.id, articleId)
    else if (d.intent === 'regenerate') await regenerateArticle(teacher.id, articleId)
    else {
      const status = d.intent === 'approve' ? 'approved' : d.intent === 'reject' ? 'rejected' : 'draft'
      await setItemStatus(teacher.id, articleId, d.itemId, status)
      return redirect(`/teacher/articles/${articleId}#item-${encodeURIComponent(d.itemId)}`)
    }
    return redirect(`/teacher/articles/${articleId}`)
  })
}

const statusKey = { draft: 'statusDraft', approved: 'statusApproved', rejected: 'statusRejected' } as const

export default function ArticleBank() {
  const { article } = useLoaderData<typeof loader>()
  const busy = useNavigation().state !== 'idle'
  const drafts = article.items.filter((i) => i.status === 'draft').length
  const t = useT(teacherArticleText)
  return (
    <>
      <p>
        <Link to="/teacher/articles">
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>{' '}
          {t('backToArticles')}
        </Link>{' '}
        · <Link to={`/articles/${article.slug}`}>{t('readArticle')}</Link>
      </p>
      <h1 lang="ar" dir="rtl">
        {article.titleAr}
      </h1>
      <p className="muted">
        {t('onlyApproved')} <BidiText text={t('draftsWaiting', { n: drafts })} />
      </p>
      <p>
        <ExportLinks base={`/teacher/articles/${article.id}/export`} label="articleDownloads" />
      </p>
      <div className="actions">
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="approve-all" />
          <button type="submit" className="button" disabled={busy || drafts === 0}>
            {t('approveAll')}
          </button>
        </Form>{' '}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="regenerate" />
          <button type="submit" className="button secondary" disabled={busy}>
            {t('regenerate')}
          </button>
        </Form>
      </div>
      {article.items.length === 0 ? <p className="muted">{t('noItems')}</p> : null}
      <ol className="results">
        {article.items.map((item) => (
          <BankItem key={item.id} item={item} articleId={article.id} busy={busy} />
        ))}
      </ol>
    </>
  )
}

function BankItem({ item, articleId, busy }: { item: ReviewItem; articleId: string; busy: boolean }) {
  const t = useT(teacherArticleText)
  const skillName = useSkillName()
  const typeName = (type: string) => {
    const known = QuestionTypeSchema.safeParse(type)
    return known.success ? t(`type_${known.data}`) : type
  }
  return (
    <li className={`result item-${item.status}`} id={`item-${item.id}`}>
      <p className="muted">
        {t(statusKey[item.status])} · {typeName(item.type)} · {skillName(item.skill)}
        {item.inDefaultQuiz ? ` · ${t('inDefaultQuiz')}` : ''}
        {item.edited ? (
          <>
            {' '}
            · {t('editedBy')} <bdi>{item.edited.by ?? '—'}</bdi> {t('editedAt')}{' '}
            <time dateTime={item.edited.at}>
              <bdi dir="ltr">{`${item.edited.at.slice(0, 16).replace('T', ' ')} UTC`}</bdi>
            </time>
          </>
        ) : null}
      </p>
      <h2 lang="ar" dir="rtl">
        <BidiText text={item.stem} />
      </h2>
      {item.options.length > 0 ? (
        <ul className="options-preview" lang="ar" dir="rtl">
          {item.options.map((o, i) => (
            <li key={i} className={o === item.key ? 'is-key' : undefined}>
              <BidiText text={o} />
              {o === item.key ? (
                <>
                  {' '}
                  <span aria-hidden="true">✓</span>
                  <span className="visually-hidden">{t('isKey')}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {t('answer')}{' '}
          <span lang="ar" dir="rtl">
            <BidiText text={item.key} />
          </span>
        </p>
      )}
      <blockquote className="evidence">
        <p lang="ar" dir="rtl">
          <mark>
            <BidiText text={item.evidence} />
          </mark>
        </p>
      </blockquote>
      <div className="actions">
        {item.status !== 'approved' ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" className="button" disabled={busy}>
              {t('approve')}
            </button>
          </Form>
        ) : null}{' '}
        {item.status !== 'rejected' ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="reject" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" className="button secondary" disabled={busy}>
              {t('reject')}
            </button>
          </Form>
        ) : (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="itemId" value={item.id} />
            <button type="submit" className="button secondary" disabled={busy}>
              {t('restore')}
            </button>
          </Form>
        )}{' '}
        <Link to={`/teacher/articles/${articleId}/items/${encodeURIComponent(item.id)}`}>{t('edit')}</Link>
      </div>
    </li>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) => (data ? translator(teacherArticleText, lang)('bankTitle', { title: data.article.titleAr }) : null))

export const ErrorBoundary = RouteErrorBoundary
