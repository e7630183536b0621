import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { BidiText } from '~/components/bidi-text'
import { Bilingual } from '~/components/bilingual'
import { RouteErrorBoundary } from '~/components/error-panel'
import { SpeakButton } from '~/components/speak-button'
import { TimeZoneField } from '~/components/time-zone-field'
import { translator } from '~/i18n/catalogue'
import { getLang } from '~/i18n/lang.server'
import { reviewText } from '~/i18n/messages/review'
import { pageTitle } from '~/i18n/meta'
import { useLang, useT } from '~/i18n/use-t'
import { CLOZE_BLANK, type MarkedText } from '~/models/card-faces'
import { readTimeZoneField } from '~/models/learner.server'
import {
  DIRECTION_LABELS,
  RATING_LABELS,
  REVIEW_ANSWER_MAX,
  STATE_LABELS,
  reviewMessages,
  type ReviewMessageCode,
} from '~/models/review-fields'
import { parseReviewPost, parseReviewSearch } from '~/models/review-forms'
import { getReviewPage, type ReviewCardView, type ReviewFeedback } from '~/models/review-page.server'
import { recordReview } from '~/models/review.server'
import { getLearner, requireLearner } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await getLearner(request)
    if (!learner) return { page: null }
    const search = parseReviewSearch(new URL(request.url))
    const lang = await getLang(request)
    return { page: await getReviewPage({ learnerId: learner.id, now: new Date(), search, lang }) }
  })
}

export async function action({ request }: ActionFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    const formData = await readFormData(request)
    const post = parseReviewPost(formData)
    if (!post) return data({ notice: 'invalid_post' as ReviewMessageCode }, { status: 400 })
    const result = await recordReview({
      learnerId: learner.id,
      cardId: post.cardId,
      version: post.version,
      response: post.intent === 'rate' ? { kind: 'rating', rating: post.rating } : { kind: 'answer', answer: post.answer },
      shownAt: post.shownAt,
      timeZone: readTimeZoneField(formData),
      now: new Date(),
    })
    if (result.status === 'already_reviewed') {
      return data({ notice: 'already_reviewed' as ReviewMessageCode }, { status: 409 })
    }
    return redirect(`/review?last=${result.logId}`)
  })
}

export default function ReviewPage() {
  const { page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT(reviewText)
  if (!page) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p>
          <BidiText text={t('introBefore')} /> <Link to="/">{t('introLink')}</Link> {t('introAfter')}
        </p>
      </>
    )
  }
  const notice = actionData?.notice
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted review-meta">
        <BidiText text={page.day.label} />
        {' · '}
        <BidiText text={t('dayStarts')} /> <bdi dir="ltr">{page.timeZone}</bdi>
        {' · '}
        <span>
          {t('due')} <bdi>{page.counts.due}</bdi>
        </span>
        {' · '}
        <span>
          {t('new')} <bdi>{page.counts.new}</bdi>
        </span>
        {' · '}
        <Link to="/review/stats">{t('statsLink')}</Link>
      </p>
      {notice ? (
        <p className={notice === 'already_reviewed' ? 'notice' : 'form-errors'} role="alert">
          <Bilingual message={reviewMessages[notice]} />
        </p>
      ) : null}
      {page.feedback ? <Feedback feedback={page.feedback} /> : null}
      {page.card ? (
        <ReviewCard
          key={`${page.card.id}:${page.card.version}`}
          card={page.card}
          serverRevealed={page.revealed}
          shownAt={page.shownAt}
        />
      ) : (
        <section className="review-empty">
          <h2>{t('emptyHeading')}</h2>
          {page.nextLearning ? (
            <p>
              {t('nextCardIn')} <BidiText text={page.nextLearning.interval} /> (
              <time dateTime={page.nextLearning.due}>
                <BidiText text={page.nextLearning.label} />
              </time>
              ). <Link to="/review">{t('refresh')}</Link> {t('refreshThen')}
            </p>
          ) : (
            <p>
              {t('doneToday')} <Link to="/">{t('articlePage')}</Link>.
            </p>
          )}
        </section>
      )}
    </>
  )
}

function Marked({ text, blank = false }: { text: MarkedText; blank?: boolean }) {
  return (
    <>
      <BidiText text={text.before} />
      {blank ? <span className="cloze-blank">{CLOZE_BLANK}</span> : <mark>{text.mark}</mark>}
      <BidiText text={text.after} />
    </>
  )
}

function ReviewCard({ card, serverRevealed, shownAt }: { card: ReviewCardView; serverRevealed: boolean; shownAt: string }) {
  const [revealed, setRevealed] = useState(serverRevealed)
  const submitting = useNavigation().state === 'submitting'
  const answerRef = useRef<HTMLElement>(null)
  const ratingsRef = useRef<HTMLFormElement>(null)
  const { face } = card
  const t = useT(reviewText)
  const lang = useLang()

  const reveal = () => {
    setRevealed(true)
    // Move focus to the answer so screen readers read it and Space does not land on a rating button.
    requestAnimationFrame(() => answerRef.current?.focus())
  }

  // Keyboard: Space reveals, 1–4 rate (self-rated cards). Keys typed into a field are left alone.
  useEffect(() => {
    if (card.mode !== 'self') return
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      if (!revealed && event.key === ' ') {
        // Space activates a focused button or summary itself; on a link or the page it reveals.
        if (target?.closest('button, summary, [role="button"]')) return
        event.preventDefault()
        reveal()
      } else if (revealed && /^[1-4]$/.test(event.key)) {
        event.preventDefault()
        ratingsRef.current?.querySelector<HTMLButtonElement>(`button[name="rating"][value="${event.key}"]`)?.click()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [card.mode, revealed])

  const onRevealSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    reveal()
  }

  const hidden = (
    <>
      <input type="hidden" name="cardId" value={card.id} />
      <input type="hidden" name="version" value={card.version} />
      <input type="hidden" name="shownAt" value={shownAt} />
      <TimeZoneField />
    </>
  )

  return (
    <section className="review-card" aria-labelledby="card-prompt">
      <p className="card-kind">
        <span id="card-prompt">{DIRECTION_LABELS[card.direction][lang]}</span>
        <span className="muted">
          {' · '}
          <Link to={`/articles/${card.article.slug}`} lang="ar" dir="rtl">
            {card.article.titleAr}
          </Link>
        </span>
      </p>

      {face.direction === 'recognition' ? (
        <div className="card-front">
          <p className="card-term" lang="ar" dir="rtl">
            {face.term}
          </p>
          <SpeakButton text={face.term} />
          {face.sentence ? (
            <blockquote className="evidence">
              <p lang="ar" dir="rtl">
                <Marked text={face.sentence} />
              </p>
            </blockquote>
          ) : null}
        </div>
      ) : null}

      {face.direction === 'question' ? (
        <div className="card-front" lang="ar" dir="rtl">
          <p className="card-stem">
            <BidiText text={face.stem} />
          </p>
          {face.options.length > 0 ? (
            <ul className="card-options">
              {face.options.map((o, i) => (
                <li key={`${i}-${o}`}>
                  <BidiText text={o} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {card.mode === 'self' && !revealed ? (
        <form method="get" action="/review" className="reveal" onSubmit={onRevealSubmit}>
          <input type="hidden" name="reveal" value={card.id} />
          <input type="hidden" name="shownAt" value={shownAt} />
          <button type="submit" className="button">
            {t('showAnswer')} <kbd className="key-hint">{t('spaceKey')}</kbd>
          </button>
        </form>
      ) : null}

      {card.mode === 'self' && revealed ? (
        <>
          <section className="card-back" ref={answerRef} tabIndex={-1} aria-label={t('answer')}>
            {face.direction === 'recognition' ? (
              <>
                <p lang="en" dir="ltr" className="card-gloss">
                  {face.answer.glossEn}
                </p>
                <dl className="card-facts">
                  <dt>{t('lemma')}</dt>
                  <dd lang="ar" dir="rtl">
                    {face.answer.lemma}
                  </dd>
                  {face.answer.root ? (
                    <>
                      <dt>{t('root')}</dt>
                      <dd lang="ar" dir="rtl">
                        {face.answer.root}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </>
            ) : null}
            {face.direction === 'question' ? (
              <>
                <p className="card-key">
                  {t('answerColon')}{' '}
                  <strong lang="ar" dir="rtl">
                    <BidiText text={face.answer.key} />
                  </strong>
                </p>
                <p lang="ar" dir="rtl">
                  <BidiText text={face.answer.explanation} />
                </p>
                <blockquote className="evidence">
                  <p lang="ar" dir="rtl">
                    <BidiText text={face.answer.evidence.before} />
                    <mark>
                      <BidiText text={face.answer.evidence.evidence} />
                    </mark>
                    <BidiText text={face.answer.evidence.after} />
                  </p>
                </blockquote>
              </>
            ) : null}
          </section>
          <Form method="post" className="ratings" ref={ratingsRef} aria-label={t('rateRecall')}>
            <input type="hidden" name="intent" value="rate" />
            {hidden}
            {(card.previews ?? []).map((p) => (
              <button
                key={p.rating}
                type="submit"
                name="rating"
                value={p.rating}
                className={`rating rating-${p.rating}`}
                disabled={submitting}
              >
                <span className="rating-name">{RATING_LABELS[p.rating][lang]}</span>
                <span className="rating-interval">
                  <BidiText text={p.interval} />
                </span>
                <kbd className="key-hint">{p.rating}</kbd>
              </button>
            ))}
          </Form>
        </>
      ) : null}

      {face.direction === 'production' || face.direction === 'cloze' ? (
        <Form method="post" className="typed-answer">
          <input type="hidden" name="intent" value="answer" />
          {hidden}
          {face.direction === 'cloze' ? (
            <p className="card-sentence" lang="ar" dir="rtl">
              <BidiText text={face.before} />
              <span className="cloze-blank">{CLOZE_BLANK}</span>
              <BidiText text={face.after} />
            </p>
          ) : null}
          <p lang="en" dir="ltr" className="card-gloss">
            {face.glossEn}
          </p>
          {face.direction === 'production' && face.root ? (
            <details className="hint">
              <summary>{t('hintRoot')}</summary>
              <p lang="ar" dir="rtl">
                {face.root}
              </p>
            </details>
          ) : null}
          <label htmlFor="answer">{face.direction === 'cloze' ? t('missingWord') : t('arabicWord')}</label>
          <input
            id="answer"
            name="answer"
            type="text"
            lang="ar"
            dir="rtl"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={REVIEW_ANSWER_MAX}
            autoFocus
          />
          <p className="actions">
            <button type="submit" className="button" disabled={submitting}>
              {t('check')}
            </button>{' '}
            <button type="submit" name="giveUp" value="1" className="button secondary" disabled={submitting}>
              {t('dontKnow')}
            </button>
          </p>
        </Form>
      ) : null}

      <details className="card-info">
        <summary>{t('aboutCard')}</summary>
        <dl>
          <dt>{t('state')}</dt>
          <dd>{STATE_LABELS[card.state.state][lang]}</dd>
          <dt>{t('reviews')}</dt>
          <dd>
            <bdi>{card.state.reps}</bdi> <BidiText text={t('lapses', { n: card.state.lapses })} />
          </dd>
          {card.state.state !== 0 ? (
            <>
              <dt>{t('stability')}</dt>
              <dd>
                <BidiText text={t('stabilityDays', { days: card.state.stability.toFixed(1) })} />
              </dd>
              <dt>{t('difficulty')}</dt>
              <dd>
                <BidiText text={t('difficultyOf10', { value: card.state.difficulty.toFixed(1) })} />
              </dd>
            </>
          ) : null}
        </dl>
      </details>
    </section>
  )
}

function Feedback({ feedback: f }: { feedback: ReviewFeedback }) {
  const t = useT(reviewText)
  const lang = useLang()
  const verdict =
    f.source !== 'graded'
      ? null
      : f.correct
        ? f.rating === 2
          ? { mark: '✓', text: t('verdictSlow') }
          : { mark: '✓', text: t('verdictCorrect') }
        : f.rating === 2
          ? { mark: '≈', text: t('verdictWrongForm') }
          : f.answer
            ? { mark: '✗', text: t('verdictWrong') }
            : { mark: '✗', text: t('verdictNoAnswer') }
  const expected = f.direction === 'cloze' ? f.term : f.lemma
  const tone = f.source !== 'graded' ? 'is-neutral' : f.correct ? 'is-correct' : 'is-incorrect'
  return (
    <section className={`feedback ${tone}`} role="status">
      {verdict ? (
        <p className="verdict">
          <span aria-hidden="true">{verdict.mark} </span>
          {verdict.text}
        </p>
      ) : null}
      {f.source === 'graded' ? (
        <dl className="answers">
          <dt>{t('yourAnswer')}</dt>
          <dd lang="ar" dir="rtl">
            {f.answer || '—'}
          </dd>
          <dt>{t('expected')}</dt>
          <dd>
            <span lang="ar" dir="rtl">
              {expected}
            </span>
            {f.direction === 'production' && f.term && f.term !== f.lemma ? (
              <>
                {' '}
                ({t('inArticle')}{' '}
                <span lang="ar" dir="rtl">
                  {f.term}
                </span>
                )
              </>
            ) : null}
          </dd>
        </dl>
      ) : null}
      {f.source === 'graded' && f.sentence ? (
        <blockquote className="evidence">
          <p lang="ar" dir="rtl">
            <Marked text={f.sentence} />
          </p>
        </blockquote>
      ) : null}
      {f.source === 'graded' && f.term ? <SpeakButton text={f.term} /> : null}
      <p className="muted">
        {f.source !== 'graded' && f.term ? (
          <>
            <span lang="ar">«{f.term}»</span>
            {' · '}
          </>
        ) : null}
        {t('rating')} <strong>{RATING_LABELS[f.rating][lang]}</strong>
        {f.next ? (
          <>
            {' · '}
            {t('nextReviewIn')} <BidiText text={f.next.interval} /> (
            <time dateTime={f.next.due}>
              <BidiText text={f.next.label} />
            </time>
            )
          </>
        ) : null}
      </p>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (lang) => {
    const t = translator(reviewText, lang)
    return data?.page ? t('titleWithCount', { n: data.page.counts.due + data.page.counts.new }) : t('title')
  })

export const ErrorBoundary = RouteErrorBoundary
