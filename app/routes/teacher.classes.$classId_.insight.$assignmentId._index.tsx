/**
 * /teacher/classes/:classId/insight/:assignmentId — one assignment's dashboard for the class's teacher:
 * students (sortable, filterable), score statistics and histogram, item analysis with flags, exports.
 * Query: `?attempt=first|best|last&sort=…&dir=…&q=…` (see `insight-params.ts`).
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BidiMessage, BidiText } from '~/components/bidi-text'
import { RouteErrorBoundary } from '~/components/error-panel'
import { formatCount, formatDateTime, formatDecimal, formatDuration, formatPercent } from '~/components/insight/format'
import { ScoreOverview, SortHeader, StudentsHeading, ViewForm, useSkillName } from '~/components/insight/view-controls'
import { insightMessages } from '~/i18n/messages/insight'
import { useLang, useT } from '~/i18n/use-t'
import { getAssignmentInsight, type ItemAnalysis } from '~/models/insight/assignment-insight.server'
import { viewSearch } from '~/models/insight/insight-params'
import { InsightAssignmentParamsSchema, parseInsightView } from '~/models/insight/insight-params.server'
import type { ItemFlag } from '~/models/insight/statistics'
import { flagReason } from '~/models/insight/flag-text'
import { requireTeacher } from '~/utils/auth.server'
import { withHttpErrors } from '~/utils/http.server'
import { parseParams } from '~/utils/params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request)
  const { classId, assignmentId } = parseParams(InsightAssignmentParamsSchema, params)
  const view = parseInsightView(request)
  return withHttpErrors(async () => ({
    insight: await getAssignmentInsight(teacher.id, classId, assignmentId, view),
    view,
    timeZone: teacher.timeZone,
  }))
}

export default function AssignmentInsightPage() {
  const { insight, view, timeZone } = useLoaderData<typeof loader>()
  const t = useT(insightMessages)
  const lang = useLang()
  const { classroom, assignment } = insight
  const base = `/teacher/classes/${classroom.id}/insight/${assignment.id}`
  const counted = insight.summary.n
  return (
    <>
      <p>
        <Link to={`/teacher/classes/${classroom.id}/insight${viewSearch({ ...view, sort: 'name', dir: 'asc', q: '' })}`}>
          {t('back_to_overview')}
        </Link>{' '}
        · <Link to={`/teacher/classes/${classroom.id}`}>{t('back_to_class')}</Link>
      </p>
      <h1>
        <BidiMessage render={(v) => t('assignment_title', { title: v.title })} values={{ title: assignment.articleTitle }} langs={{ title: 'ar' }} />
      </h1>
      <ViewForm view={view} />
      <p>
        {t('exports_heading')}:{' '}
        <a href={`${base}/scores.csv${viewSearch({ ...view, sort: 'name', dir: 'asc', q: '' })}`} download>
          {t('download_scores')}
        </a>{' '}
        · <a href={`${base}/items.csv${viewSearch({ ...view, sort: 'name', dir: 'asc', q: '' })}`} download>
          {t('download_items')}
        </a>
      </p>

      <ScoreOverview summary={insight.summary} bins={insight.histogram} id="score-histogram" />
      <StudentsHeading view={view} shown={insight.students.length} total={insight.classSize} />
      {insight.classSize === 0 ? null : (
        <div className="table-scroll">
          <table className="insight-table">
            <thead>
              <tr>
                <SortHeader view={view} column="name" label={t('col_name')} />
                <SortHeader view={view} column="score" label={t('col_score')} />
                <SortHeader view={view} column="attempts" label={t('col_attempts')} />
                <SortHeader view={view} column="time" label={t('col_time')} />
                <SortHeader view={view} column="submitted" label={t('col_submitted')} />
              </tr>
            </thead>
            <tbody>
              {insight.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <bdi>{s.displayName}</bdi>
                  </th>
                  <td>
                    {s.attemptId && s.percent !== null ? (
                      <Link to={`/attempts/${s.attemptId}`}>
                        <bdi dir="ltr">{`${s.score}/${s.total}`}</bdi> (<bdi>{formatPercent(s.percent, lang)}</bdi>)
                      </Link>
                    ) : (
                      <span className="muted">{t('not_attempted')}</span>
                    )}
                  </td>
                  <td>
                    <bdi>{formatCount(s.attempts, lang)}</bdi>
                  </td>
                  <td>
                    {s.timeTakenMs !== null ? (
                      <bdi dir="ltr" className="nowrap">{formatDuration(s.timeTakenMs)}</bdi>
                    ) : s.attemptId ? (
                      <span className="muted">{t('unknown')}</span>
                    ) : null}
                  </td>
                  <td>{s.submittedAt ? <bdi className="nowrap">{formatDateTime(s.submittedAt, timeZone, lang)}</bdi> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="items">{t('items_heading')}</h2>
      <p className="muted">{t('items_method')}</p>
      {insight.smallSample ? (
        <p className="notice" role="note">
          <BidiText text={t('small_sample', { n: counted })} />
        </p>
      ) : null}
      <ol className="item-analysis">
        {insight.items.map((item) => (
          <ItemRow key={item.id} item={item} articleId={assignment.articleId} own={assignment.ownArticle} />
        ))}
      </ol>
    </>
  )
}

function ItemRow({ item, articleId, own }: { item: ItemAnalysis; articleId: string; own: boolean }) {
  const t = useT(insightMessages)
  const skillName = useSkillName()
  const lang = useLang()
  const dec = (v: number | null) => (v === null ? t('not_computable') : formatDecimal(v, 3, lang))
  return (
    <li id={`item-${item.number}`} className={item.flags.length > 0 ? 'item-flagged' : undefined} value={item.number}>
      <p className="item-stem">
        <BidiText text={item.stem} />{' '}
        <span className="muted">
          ({skillName(item.skill)}
          {item.status === 'rejected' ? ` · ${t('item_status_rejected')}` : ''}
          {item.retired ? ` · ${t('item_status_retired')}` : ''})
        </span>
      </p>
      <dl className="insight-stats">
        <div>
          <dt>{t('col_n')}</dt>
          <dd>
            <bdi>{formatCount(item.n, lang)}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('col_facility')}</dt>
          <dd>
            <bdi>{dec(item.facility)}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('col_discrimination')}</dt>
          <dd>
            <bdi>{dec(item.discrimination)}</bdi>
          </dd>
        </div>
      </dl>
      {item.options.length > 0 ? (
        <table className="insight-table options-table">
          <caption>{t('col_options')}</caption>
          <tbody>
            {item.options.map((o) => (
              <tr key={o.option} className={o.isKey ? 'is-key' : undefined}>
                <th scope="row">
                  <BidiText text={o.option} />
                  {o.isKey ? <span className="muted"> ({t('key_mark')})</span> : null}
                </th>
                <td>
                  <bdi>{formatCount(o.count, lang)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          {t('key_mark')}: <BidiText text={item.key} />
        </p>
      )}
      {item.otherAnswers.length > 0 ? (
        <p className="muted">
          {t('other_answers')}:{' '}
          {item.otherAnswers.map((a, i) => (
            <span key={a.answer}>
              {i > 0 ? '، ' : ''}
              <BidiText text={a.answer} /> (<bdi>{formatCount(a.count, lang)}</bdi>)
            </span>
          ))}
        </p>
      ) : null}
      <FlagList flags={item.flags} />
      {own ? (
        <div className="item-actions">
          <Link to={`/teacher/articles/${articleId}/items/${encodeURIComponent(item.id)}`}>{t('edit_item')}</Link>
          {item.status !== 'rejected' ? (
            <Form method="post" action={`/teacher/articles/${articleId}`} className="inline-form">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="itemId" value={item.id} />{' '}
              <button type="submit" className="link-button" aria-describedby={`reject-note-${item.number}`}>
                {t('reject_item')}
              </button>{' '}
              <span className="muted" id={`reject-note-${item.number}`}>
                {t('reject_note')}
              </span>
            </Form>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('sample_item')}</p>
      )}
    </li>
  )
}

function FlagList({ flags }: { flags: ItemFlag[] }) {
  const t = useT(insightMessages)
  const lang = useLang()
  if (flags.length === 0) return <p className="muted">{t('no_flags')}</p>
  const text = (f: ItemFlag) => flagReason(t, f, (v) => formatDecimal(v, 3, lang))
  return (
    <ul className="item-flags" aria-label={t('col_flags')}>
      {flags.map((f, i) => (
        <li key={i}>
          <span aria-hidden="true">⚑ </span>
          {f.code === 'unused_distractor' ? (
            <BidiMessage render={(v) => text({ ...f, option: v.option })} values={{ option: f.option }} langs={{ option: 'ar' }} />
          ) : (
            <BidiText text={text(f)} />
          )}
        </li>
      ))}
    </ul>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.insight.assignment.articleTitle} — ${data.insight.classroom.name} — فهم` : 'فهم' },
]

export const ErrorBoundary = RouteErrorBoundary
