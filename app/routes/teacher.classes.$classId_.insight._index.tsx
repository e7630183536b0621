/**
 * /teacher/classes/:classId/insight — a class's results for its teacher: students over all assignments
 * (sortable, filterable), score statistics and histogram, the assignments (links to their dashboards), the
 * skill view and the retention view. Query: `?attempt=first|best|last&sort=…&dir=…&q=…`.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { BidiMessage, BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { formatCount, formatDateTime, formatDuration, formatPercent, formatRate } from '~/components/insight/format'
import { ScoreOverview, SortHeader, StudentsHeading, ViewForm, useSkillName } from '~/components/insight/view-controls'
import { insightMessages } from '~/i18n/messages/insight'
import { useLang, useT } from '~/i18n/use-t'
import { RECENT_REVIEW_DAYS, RETENTION_WINDOW_DAYS, getClassInsight, type SkillTally } from '~/models/insight/class-insight.server'
import { viewSearch } from '~/models/insight/insight-params'
import { InsightClassParamsSchema, parseInsightView } from '~/models/insight/insight-params.server'
import { requireTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId } = parseParams(InsightClassParamsSchema, params)
  const view = parseInsightView(request)
  return withHttpErrors(async () => ({
    insight: await getClassInsight(teacher.id, classId, view, new Date()),
    view,
    timeZone: teacher.timeZone,
    recentDays: RECENT_REVIEW_DAYS,
    retentionDays: RETENTION_WINDOW_DAYS,
  }))
}

export default function ClassInsightPage() {
  const { insight, view, timeZone, recentDays, retentionDays } = useLoaderData<typeof loader>()
  const t = useT(insightMessages)
  const lang = useLang()
  const skillName = useSkillName()
  const { classroom, skills } = insight
  const keep = viewSearch({ ...view, sort: 'name', dir: 'asc', q: '' })
  const weakest = skills.skills
    .map((s) => ({ skill: s, rate: skills.class[s]!.rate }))
    .filter((s): s is { skill: (typeof skills.skills)[number]; rate: number } => s.rate !== null)
    .sort((a, b) => a.rate - b.rate)[0]
  const cell = (tally: SkillTally | undefined) =>
    tally && tally.rate !== null ? (
      <td className={tally.rate < 0.5 ? 'is-weak' : undefined}>
        <bdi>{formatRate(tally.rate, lang)}</bdi>{' '}
        <span className="muted">
          (<bdi dir="ltr">{`${tally.correct}/${tally.n}`}</bdi>)
        </span>
      </td>
    ) : (
      <td className="muted">—</td>
    )
  return (
    <>
      <p>
        <Link to={`/teacher/classes/${classroom.id}`}>{t('back_to_class')}</Link>
      </p>
      <h1>
        <BidiMessage render={(v) => t('class_title', { name: v.name })} values={{ name: classroom.name }} />
      </h1>
      <ViewForm view={view} />

      <h2 id="assignments">{t('assignments_heading')}</h2>
      {insight.assignments.length === 0 ? (
        <p className="muted">{t('no_assignments')}</p>
      ) : (
        <ul className="class-list">
          {insight.assignments.map((a) => (
            <li key={a.id}>
              <Link to={`/teacher/classes/${classroom.id}/insight/${a.id}${keep}`}>
                <bdi>{a.articleTitle}</bdi>
              </Link>{' '}
              — <BidiText text={t('assignment_students', { n: a.students })} />
              {a.meanPercent !== null ? (
                <>
                  {' '}
                  · {t('mean_label')} <bdi>{formatPercent(a.meanPercent, lang)}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <ScoreOverview summary={insight.summary} bins={insight.histogram} id="class-histogram" />
      <StudentsHeading view={view} shown={insight.students.length} total={insight.classSize} />
      {insight.classSize === 0 ? null : (
        <div className="table-scroll">
          <table className="insight-table">
            <thead>
              <tr>
                <SortHeader view={view} column="name" label={t('col_name')} />
                <SortHeader view={view} column="score" label={t('col_percent')} />
                <th scope="col">{t('col_assignments_done')}</th>
                <SortHeader view={view} column="attempts" label={t('col_attempts')} />
                <SortHeader view={view} column="time" label={t('col_mean_time')} />
                <SortHeader view={view} column="submitted" label={t('col_last_submitted')} />
              </tr>
            </thead>
            <tbody>
              {insight.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <bdi>{s.displayName}</bdi>
                  </th>
                  <td>{s.percent !== null ? <bdi>{formatPercent(s.percent, lang)}</bdi> : <span className="muted">{t('not_attempted')}</span>}</td>
                  <td>
                    <bdi dir="ltr">{`${s.assignmentsDone}/${insight.assignments.length}`}</bdi>
                  </td>
                  <td>
                    <bdi>{formatCount(s.attempts, lang)}</bdi>
                  </td>
                  <td>{s.timeTakenMs !== null ? <bdi dir="ltr" className="nowrap">{formatDuration(s.timeTakenMs)}</bdi> : null}</td>
                  <td>{s.submittedAt ? <bdi className="nowrap">{formatDateTime(s.submittedAt, timeZone, lang)}</bdi> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="skills">{t('skills_heading')}</h2>
      <p className="muted">{t('skills_intro')}</p>
      {skills.skills.length === 0 ? (
        <p className="muted">{t('skills_none')}</p>
      ) : (
        <>
          {weakest ? (
            <p>
              <strong>
                <BidiText text={t('weakest_skill', { skill: skillName(weakest.skill), rate: formatRate(weakest.rate, lang) })} />
              </strong>
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="insight-table">
              <thead>
                <tr>
                  <th scope="col">{t('col_name')}</th>
                  {skills.skills.map((s) => (
                    <th scope="col" key={s}>
                      {skillName(s)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="class-row">
                  <th scope="row">{t('skills_class_row')}</th>
                  {skills.skills.map((s) => (
                    <Fragment key={s}>{cell(skills.class[s])}</Fragment>
                  ))}
                </tr>
                {skills.students.map((st) => (
                  <tr key={st.id}>
                    <th scope="row">
                      <bdi>{st.displayName}</bdi>
                    </th>
                    {skills.skills.map((s) => (
                      <Fragment key={s}>{cell(st.bySkill[s])}</Fragment>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 id="retention">{t('retention_heading')}</h2>
      <p className="muted">
        <BidiText text={t('retention_intro', { recent: recentDays, window: retentionDays })} />
      </p>
      {insight.retention.length === 0 ? (
        <p className="muted">{t('no_students')}</p>
      ) : (
        <div className="table-scroll">
          <table className="insight-table">
            <thead>
              <tr>
                <th scope="col">{t('col_name')}</th>
                <th scope="col">{t('col_cards')}</th>
                <th scope="col">{t('col_due')}</th>
                <th scope="col">{t('col_recent_reviews')}</th>
                <th scope="col">{t('col_true_retention')}</th>
              </tr>
            </thead>
            <tbody>
              {insight.retention.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <bdi>{r.displayName}</bdi>
                  </th>
                  <td>
                    <bdi>{formatCount(r.cards, lang)}</bdi>
                  </td>
                  <td>
                    <bdi>{formatCount(r.due, lang)}</bdi>
                  </td>
                  <td className={r.cards > 0 && r.recentReviews === 0 ? 'is-weak' : undefined}>
                    <bdi>{formatCount(r.recentReviews, lang)}</bdi>
                  </td>
                  <td>
                    {r.trueRetention !== null ? <bdi>{formatRate(r.trueRetention, lang)}</bdi> : '—'}{' '}
                    <span className="muted">
                      (<BidiText text={t('mature_reviews', { n: r.matureReviews })} />)
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.insight.classroom.name} — فهم` : 'فهم' }]

export const ErrorBoundary = RouteErrorBoundary
