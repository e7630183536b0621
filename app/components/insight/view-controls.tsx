/**
 * The controls shared by the class-insight pages, all plain GET forms and links so they work without
 * JavaScript: the counted attempt (first/best/last) and the name filter, sortable column headers, and the
 * statistics summary.
 */
import { Form, Link } from '@remix-run/react'
import { BidiText } from '~/components/bidi-text'
import { insightMessages } from '~/i18n/messages/insight'
import { useLang, useT } from '~/i18n/use-t'
import { ATTEMPT_BASES, NAME_FILTER_MAX, SKILLS, viewSearch, type InsightView, type Skill, type StudentSort } from '~/models/insight/insight-params'
import type { HistogramBin, SummaryStatistics } from '~/models/insight/statistics'
import { formatCount, formatDecimal, formatPercent } from './format'
import { ScoreHistogram } from './score-histogram'

/** The counted attempt and the name filter; the sort is kept in hidden fields. */
export function ViewForm({ view }: { view: InsightView }) {
  const t = useT(insightMessages)
  return (
    <Form method="get" className="insight-view-form" aria-label={t('view_form')}>
      <fieldset className="field">
        <legend>{t('basis_label')}</legend>
        {ATTEMPT_BASES.map((b) => (
          <label key={b}>
            <input type="radio" name="attempt" value={b} defaultChecked={view.basis === b} /> {t(`basis_${b}`)}{' '}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="insight-q">{t('filter_label')}</label>
        <input id="insight-q" name="q" type="search" maxLength={NAME_FILTER_MAX} defaultValue={view.q} />
      </div>
      {view.sort !== 'name' ? <input type="hidden" name="sort" value={view.sort} /> : null}
      {view.dir !== 'asc' ? <input type="hidden" name="dir" value={view.dir} /> : null}
      <p>
        <button type="submit" className="button secondary">
          {t('apply')}
        </button>{' '}
        {view.q ? <Link to={viewSearch(view, { q: '' }) || '?'}>{t('clear_filter')}</Link> : null}
      </p>
      <p className="muted" role="status">
        {t('basis_shown', { basis: t(`basis_${view.basis}`) })}
      </p>
    </Form>
  )
}

/**
 * A column header that sorts the table by its column: a link that flips the direction when the column is
 * already the sort key; `aria-sort` tells assistive technology the current order.
 */
export function SortHeader({ view, column, label }: { view: InsightView; column: StudentSort; label: string }) {
  const t = useT(insightMessages)
  const active = view.sort === column
  const nextDir = active && view.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th scope="col" aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={viewSearch(view, { sort: column, dir: nextDir }) || '?'} preventScrollReset title={t('sort_by', { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{view.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  )
}

/** Mean, median and sample SD of the percentages, with n. */
export function StatsSummary({ summary }: { summary: SummaryStatistics }) {
  const t = useT(insightMessages)
  const lang = useLang()
  if (summary.n === 0) return <p className="muted">{t('stats_none')}</p>
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang))
  return (
    <dl className="insight-stats">
      <div>
        <dt>{t('stats_n')}</dt>
        <dd>
          <bdi>{formatCount(summary.n, lang)}</bdi>
        </dd>
      </div>
      <div>
        <dt>{t('stats_mean')}</dt>
        <dd>
          <bdi>{pct(summary.mean)}</bdi>
        </dd>
      </div>
      <div>
        <dt>{t('stats_median')}</dt>
        <dd>
          <bdi>{pct(summary.median)}</bdi>
        </dd>
      </div>
      <div>
        <dt>{t('stats_sd')}</dt>
        <dd>
          <bdi>{summary.sd === null ? '—' : `${formatDecimal(summary.sd, 1, lang)}`}</bdi>
        </dd>
      </div>
    </dl>
  )
}

/** The interface name of a skill (who, where, …); an unknown skill string is shown as it is. */
export function useSkillName(): (skill: string) => string {
  const t = useT(insightMessages)
  return (skill) => ((SKILLS as readonly string[]).includes(skill) ? t(`skill_${skill as Skill}`) : skill)
}

/** The score summary section: heading, statistics and (when anyone is counted) the histogram. */
export function ScoreOverview({ summary, bins, id }: { summary: SummaryStatistics; bins: HistogramBin[]; id: string }) {
  const t = useT(insightMessages)
  return (
    <>
      <h2>{t('stats_heading')}</h2>
      <StatsSummary summary={summary} />
      {summary.n > 0 ? <ScoreHistogram bins={bins} id={id} /> : null}
    </>
  )
}

/** The student table's heading, with how many the name filter shows, or the empty-class line. */
export function StudentsHeading({ view, shown, total }: { view: InsightView; shown: number; total: number }) {
  const t = useT(insightMessages)
  return (
    <>
      <h2 id="students">{t('students_heading')}</h2>
      {view.q ? (
        <p className="muted">
          <BidiText text={t('filtered', { shown, total })} />
        </p>
      ) : null}
      {total === 0 ? <p className="muted">{t('no_students')}</p> : null}
    </>
  )
}
