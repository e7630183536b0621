import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { Bilingual } from '~/components/bilingual'
import { RouteErrorBoundary } from '~/components/error-panel'
import { ReviewsChart } from '~/components/reviews-chart'
import { translator } from '~/i18n/catalogue'
import { getLang } from '~/i18n/lang.server'
import { reviewText } from '~/i18n/messages/review'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getLearnerSettings, updateLearnerSettings } from '~/models/learner.server'
import {
  MATURE_INTERVAL_DAYS,
  NEW_CARDS_PER_DAY_MAX,
  RETENTION_PERCENT_MAX,
  RETENTION_PERCENT_MIN,
  reviewMessages,
  type ReviewMessageCode,
} from '~/models/review-fields'
import { parseSettingsForm, type SettingsFormErrors } from '~/models/review-forms'
import { getLearnerStats } from '~/models/review-stats.server'
import { getLearner, requireLearner } from '~/utils/auth.server'
import { readFormData, withHttpErrors } from '~/utils/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await getLearner(request)
    if (!learner) return { learner: null }
    const lang = await getLang(request)
    const [stats, settings] = await Promise.all([getLearnerStats(learner.id, new Date(), lang), getLearnerSettings(learner.id)])
    return {
      learner,
      stats,
      settings,
      timeZones: Intl.supportedValuesOf('timeZone'),
      saved: new URL(request.url).searchParams.get('saved') === '1',
    }
  })
}

export async function action({ request }: ActionFunctionArgs) {
  return withHttpErrors(async () => {
    const learner = await requireLearner(request)
    const parsed = parseSettingsForm(await readFormData(request))
    if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 })
    await updateLearnerSettings(learner.id, parsed.data)
    return redirect('/review/stats?saved=1')
  })
}

export default function ReviewStatsPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const t = useT(reviewText)
  if (!loaded.learner) {
    return (
      <>
        <h1>{t('statsTitle')}</h1>
        <p>
          {t('noStats')} <Link to="/">{t('introLink')}</Link> {t('introAfter')}
        </p>
      </>
    )
  }
  const { stats, settings, timeZones, saved } = loaded
  const errors: SettingsFormErrors | undefined = actionData?.errors
  const retention = stats.retention
  const zones = timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones]

  return (
    <>
      <h1>{t('statsTitle')}</h1>
      <p className="muted">
        <bdi>{loaded.learner.displayName}</bdi> · {t('today')} <BidiText text={stats.today.label} /> ·{' '}
        <BidiText text={t('dayStarts')} /> <bdi dir="ltr">{stats.timeZone}</bdi> · <Link to="/review">{t('toReview')}</Link>
      </p>

      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('dueHeading')}</h2>
        <dl className="stat-grid">
          <div>
            <dt>{t('dueToday')}</dt>
            <dd>
              <bdi>{stats.due.today}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('dueTomorrow')}</dt>
            <dd>
              <bdi>{stats.due.tomorrow}</bdi>
            </dd>
          </div>
          <div>
            <dt>
              <BidiText text={t('dueWeek')} />
            </dt>
            <dd>
              <bdi>{stats.due.next7Days}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('newWaiting')}</dt>
            <dd>
              <bdi>{stats.newWaiting}</bdi>
            </dd>
          </div>
        </dl>
        <p className="muted">
          <BidiText
            text={t('cardsSummary', {
              total: stats.cards.total,
              learning: stats.cards.learning + stats.cards.relearning,
              review: stats.cards.review,
            })}
          />
        </p>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">
          <BidiText text={t('historyHeading')} />
        </h2>
        <ReviewsChart days={stats.reviewsPerDay} id="reviews-chart" />
      </section>

      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('retentionHeading')}</h2>
        {retention.rate === null ? (
          <p className="muted">
            <BidiText text={t('noMature')} />
          </p>
        ) : (
          <p className="stat-big">
            <bdi>{`${Math.round(retention.rate * 1000) / 10}%`}</bdi>{' '}
            <span className="muted">
              <BidiText text={t('passedOf', { passed: retention.passed, total: retention.matureReviews })} />
            </span>
          </p>
        )}
        <p className="muted">
          <BidiText
            text={t('retentionExplain', { days: MATURE_INTERVAL_DAYS, target: `${Math.round(settings.desiredRetention * 100)}%` })}
          />
        </p>
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settingsHeading')}</h2>
        {saved && !errors ? (
          <p className="notice" role="status">
            <Bilingual message={reviewMessages.settings_saved} />
          </p>
        ) : null}
        {errors ? (
          <p className="form-errors" role="alert">
            <Bilingual message={reviewMessages.settings_summary} />
          </p>
        ) : null}
        <Form method="post" className="settings" noValidate>
          <SettingsField
            id="timeZone"
            label={t('timeZone')}
            hint={settings.timeZoneKnown ? t('timeZoneKnown') : t('timeZoneUnknown')}
            error={errors?.fields.timeZone}
          >
            <select
              id="timeZone"
              name="timeZone"
              dir="ltr"
              defaultValue={errors?.values.timeZone ?? settings.timeZone}
              aria-invalid={errors?.fields.timeZone ? true : undefined}
              aria-describedby={describedBy('timeZone', errors?.fields.timeZone)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </SettingsField>
          <SettingsField
            id="desiredRetentionPercent"
            label={t('retentionField')}
            hint={t('retentionHint', { min: RETENTION_PERCENT_MIN, max: RETENTION_PERCENT_MAX })}
            error={errors?.fields.desiredRetentionPercent}
          >
            <input
              id="desiredRetentionPercent"
              name="desiredRetentionPercent"
              type="number"
              inputMode="numeric"
              min={RETENTION_PERCENT_MIN}
              max={RETENTION_PERCENT_MAX}
              step={1}
              required
              defaultValue={errors?.values.desiredRetentionPercent ?? Math.round(settings.desiredRetention * 100)}
              aria-invalid={errors?.fields.desiredRetentionPercent ? true : undefined}
              aria-describedby={describedBy('desiredRetentionPercent', errors?.fields.desiredRetentionPercent)}
            />
          </SettingsField>
          <SettingsField
            id="newCardsPerDay"
            label={t('newPerDay')}
            hint={t('newPerDayHint', { max: NEW_CARDS_PER_DAY_MAX })}
            error={errors?.fields.newCardsPerDay}
          >
            <input
              id="newCardsPerDay"
              name="newCardsPerDay"
              type="number"
              inputMode="numeric"
              min={0}
              max={NEW_CARDS_PER_DAY_MAX}
              step={1}
              required
              defaultValue={errors?.values.newCardsPerDay ?? settings.newCardsPerDay}
              aria-invalid={errors?.fields.newCardsPerDay ? true : undefined}
              aria-describedby={describedBy('newCardsPerDay', errors?.fields.newCardsPerDay)}
            />
          </SettingsField>
          <p>
            <button type="submit" className="button" disabled={submitting}>
              {t('save')}
            </button>
          </p>
        </Form>
      </section>
    </>
  )
}

function SettingsField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint: string
  error: ReviewMessageCode | undefined
  children: React.ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="muted" id={`${id}-hint`}>
        <BidiText text={hint} />
      </p>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          <Bilingual message={reviewMessages[error]} />
        </p>
      ) : null}
    </div>
  )
}

/** A control's `aria-describedby`: its hint, and its error when there is one. */
function describedBy(id: string, error: ReviewMessageCode | undefined): string {
  return error ? `${id}-hint ${id}-error` : `${id}-hint`
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (lang) => translator(reviewText, lang)('statsTitle'))

export const ErrorBoundary = RouteErrorBoundary
