import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { BidiText } from '~/components/bidi-text'
import { Bilingual } from '~/components/bilingual'
import { RouteErrorBoundary } from '~/components/error-panel'
import { TimeZoneField } from '~/components/time-zone-field'
import { getLang } from '~/i18n/lang.server'
import { articleMessages } from '~/i18n/messages/articles'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { sentenceAnchor, type Piece } from '~/models/article-layout'
import { getArticleReading, type ArticleVocabularyEntry } from '~/models/article.server'
import { DISPLAY_NAME_MAX } from '~/models/quiz-fields'
import { reviewMessages, type ReviewMessageCode } from '~/models/review-fields'
import { addArticleVocabulary, getArticleVocabularyStatus } from '~/models/vocabulary.server'
import { commitLearner, getLearnerId } from '~/session.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'
import { SlugParamsSchema, parseParams } from '~/utils/params.server'

/**
 * `?added=<n>`: the redirect after "add this article's vocabulary" says how many cards were created.
 * `?s=<sentence id>`: the sentence to highlight (the result page's "read it in the article" link), marked
 * on the server so it shows with and without JavaScript and after client-side navigation.
 */
const ReadingSearchSchema = z.object({
  added: z.coerce.number().int().nonnegative().optional().catch(undefined),
  s: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { slug } = parseParams(SlugParamsSchema, params)
  const learnerId = await getLearnerId(request)
  const lang = await getLang(request)
  const { added, s } = ReadingSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return withHttpErrors(async () => ({
    article: await getArticleReading(slug, lang),
    vocabulary: await getArticleVocabularyStatus(slug, learnerId),
    added: added ?? null,
    highlight: s ?? null,
  }))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { slug } = parseParams(SlugParamsSchema, params)
  const learnerId = await getLearnerId(request)
  return withHttpErrors(async () => {
    const formData = await readFormData(request)
    const result = await addArticleVocabulary({ slug, learnerId, formData, now: new Date() })
    if (result.status === 'invalid') {
      return data({ error: result.code as ReviewMessageCode, displayName: result.displayName }, { status: 400 })
    }
    return redirect(`/articles/${slug}?added=${result.created}#vocabulary`, {
      headers: { 'Set-Cookie': await commitLearner(request, result.learnerId) },
    })
  })
}

export default function ArticleReadingView() {
  const { article, vocabulary, added, highlight } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const t = useT(articleMessages)
  return (
    <article>
      <header>
        <h1 lang="ar" dir="rtl">
          {article.titleAr}
        </h1>
        <p lang="en" dir="ltr" className="english">
          {article.titleEn}
        </p>
        <ul className="byline" aria-label={t('byline')}>
          <li>
            <bdi>{article.outlet}</bdi>
          </li>
          <li>
            <time dateTime={article.publishedOn}>
              <BidiText text={article.publishedLabel} />
            </time>
          </li>
        </ul>
      </header>
      <div className="article-body" lang="ar" dir="rtl">
        {article.blocks.map((block, i) => {
          if (block.kind === 'caption') {
            return (
              <figure key={i} className="caption">
                <figcaption>
                  <Pieces pieces={block.pieces} highlight={highlight} />
                </figcaption>
              </figure>
            )
          }
          if (block.kind === 'credit') {
            return (
              <p key={i} className="credit">
                <small>
                  <Pieces pieces={block.pieces} highlight={highlight} />
                </small>
              </p>
            )
          }
          return (
            <p key={i}>
              <Pieces pieces={block.pieces} highlight={highlight} />
            </p>
          )
        })}
      </div>
      {article.quizPublic ? (
        <p className="actions">
          {article.questionCount > 0 ? (
            <Link className="button" to={`/articles/${article.slug}/quiz`}>
              {t('startQuiz')}
            </Link>
          ) : (
            <span className="muted">{t('noQuestionsForArticle')}</span>
          )}
        </p>
      ) : null}
      {vocabulary.items > 0 ? (
        <section id="vocabulary" className="vocabulary-add" aria-labelledby="vocabulary-heading">
          <h2 id="vocabulary-heading">{t('vocabularyHeading')}</h2>
          {article.vocabulary.length > 0 ? <VocabularyList entries={article.vocabulary} /> : null}
          <p>
            <BidiText text={t('vocabularyIntroBefore', { n: vocabulary.items })} />{' '}
            <Link to="/review">{t('vocabularyIntroLink')}</Link>
            {t('vocabularyIntroAfter')}
          </p>
          {added !== null ? (
            <p className="notice" role="status">
              {added === 0 ? t('addedNone') : <BidiText text={t('addedSome', { n: added })} />}
            </p>
          ) : null}
          {vocabulary.cards !== null && vocabulary.cards > 0 && added === null ? (
            <p className="muted">
              <BidiText text={t('cardsInReview', { n: vocabulary.cards })} />
            </p>
          ) : null}
          <Form method="post" className="inline-form" noValidate>
            <TimeZoneField />
            {vocabulary.learner ? null : (
              <div className="field">
                <label htmlFor="displayName">{t('yourName')}</label>
                <input
                  id="displayName"
                  name="displayName"
                  type="text"
                  dir="auto"
                  required
                  maxLength={DISPLAY_NAME_MAX}
                  autoComplete="nickname"
                  defaultValue={actionData?.displayName ?? ''}
                  aria-invalid={actionData?.error ? true : undefined}
                  aria-describedby={actionData?.error ? 'displayName-error' : undefined}
                />
                {actionData?.error ? (
                  <p className="field-error" id="displayName-error" role="alert">
                    <span aria-hidden="true">⚠ </span>
                    <Bilingual message={reviewMessages[actionData.error]} />
                  </p>
                ) : null}
              </div>
            )}
            <button type="submit" className="button secondary" disabled={submitting}>
              {t('addVocabulary')}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  )
}

function Pieces({ pieces, highlight }: { pieces: Piece[]; highlight: string | null }) {
  return (
    <>
      {pieces.map((piece, i) =>
        piece.sentenceId === null ? (
          <BidiText key={i} text={piece.text} />
        ) : (
          <span key={i} id={sentenceAnchor(piece.sentenceId)} className="sentence">
            {piece.sentenceId === highlight ? (
              <mark className="targeted">
                <BidiText text={piece.text} />
              </mark>
            ) : (
              <BidiText text={piece.text} />
            )}
          </span>
        ),
      )}
    </>
  )
}

function VocabularyList({ entries }: { entries: ArticleVocabularyEntry[] }) {
  const t = useT(articleMessages)
  return (
    <table className="vocabulary-list">
      <caption className="visually-hidden">{t('vocabularyCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colSurface')}</th>
          <th scope="col">{t('colLemma')}</th>
          <th scope="col">{t('colGloss')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td lang="ar" dir="rtl">
              {entry.surface}
            </td>
            <td lang="ar" dir="rtl">
              {entry.lemma}
            </td>
            <td lang="en" dir="ltr">
              {entry.glossEn}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, () => data?.article.titleAr ?? null)

export const ErrorBoundary = RouteErrorBoundary
