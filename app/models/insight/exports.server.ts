/**
 * CSV exports of an assignment's insight: the scores (one row per student of the class) and the item
 * analysis (one row per item), written with csv-stringify (RFC 4180 quoting) as UTF-8 with a byte order
 * mark, so spreadsheet programs (Excel in particular) read the Arabic names and stems as UTF-8.
 *
 * Text a person typed (names, stems, options, answers) that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with an apostrophe, as OWASP's "CSV injection" advice says, so a spreadsheet
 * shows it instead of running it as a formula. Numbers are written as plain numbers (dot decimal).
 */
import { stringify } from 'csv-stringify/sync'
import { translator } from '~/i18n/catalogue'
import type { Lang } from '~/i18n/lang'
import { getLang } from '~/i18n/lang.server'
import { insightMessages } from '~/i18n/messages/insight'
import { getAssignmentInsight, type AssignmentInsight } from './assignment-insight.server'
import { SKILLS, type Skill } from './insight-params'
import { parseInsightView } from './insight-params.server'
import type { ItemFlag } from './statistics'
import { flagReason } from './flag-text'

/**
 * A spreadsheet-safe text cell (see the module header).
 * @example safeText('=SUM(A1)') // "'=SUM(A1)"
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/**
 * The scores of an assignment as CSV: student, score, total, percent (2 decimals), attempts, time taken in
 * whole seconds, submitted at (ISO 8601 UTC); empty cells where a student has no attempt or the time is
 * unknown. Rows in the order of `insight.students`; headers in `lang`.
 * @returns the CSV text, starting with a UTF-8 BOM (U+FEFF), CRLF line ends.
 */
export function scoresCsv(insight: AssignmentInsight, lang: Lang): string {
  const t = translator(insightMessages, lang)
  return stringify(
    insight.students.map((s) => [
      safeText(s.displayName),
      s.score ?? '',
      s.total ?? '',
      s.percent === null ? '' : round(s.percent, 2),
      s.attempts,
      s.timeTakenMs === null ? '' : Math.round(s.timeTakenMs / 1000),
      s.submittedAt ?? '',
    ]),
    {
      bom: true,
      header: true,
      record_delimiter: 'windows',
      columns: [t('csv_student'), t('csv_score'), t('csv_total'), t('csv_percent'), t('csv_attempts'), t('csv_time_seconds'), t('csv_submitted')],
    },
  )
}

/**
 * The item analysis of an assignment as CSV: item number, id, skill, type, stem, key, answered (n),
 * correct, facility index and discrimination index (3 decimals; empty when not computable), the options with
 * how many chose each (`option: count`, separated by ` | `), and the flags' reasons (separated by `; `).
 * @returns the CSV text, starting with a UTF-8 BOM (U+FEFF), CRLF line ends.
 */
export function itemsCsv(insight: AssignmentInsight, lang: Lang): string {
  const t = translator(insightMessages, lang)
  const skillName = (s: string) => ((SKILLS as readonly string[]).includes(s) ? t(`skill_${s as Skill}`) : s)
  const num = (x: number) => String(round(x, 3))
  const flagText = (f: ItemFlag) => flagReason(t, f, num)
  return stringify(
    insight.items.map((item) => [
      item.number,
      item.id,
      skillName(item.skill),
      item.type,
      safeText(item.stem),
      safeText(item.key),
      item.n,
      item.correct,
      item.facility === null ? '' : round(item.facility, 3),
      item.discrimination === null ? '' : round(item.discrimination, 3),
      safeText(item.options.map((o) => `${o.option}: ${o.count}`).join(' | ')),
      safeText(item.flags.map(flagText).join('; ')),
    ]),
    {
      bom: true,
      header: true,
      record_delimiter: 'windows',
      columns: [
        t('csv_item_number'),
        t('csv_item_id'),
        t('csv_skill'),
        t('csv_type'),
        t('csv_stem'),
        t('csv_key'),
        t('csv_n'),
        t('csv_correct'),
        t('csv_facility'),
        t('csv_discrimination'),
        t('csv_options'),
        t('csv_flags'),
      ],
    },
  )
}

/**
 * A CSV download response: `text/csv; charset=utf-8`, an attachment named `filename` (ASCII), never cached
 * by shared caches (it holds student data).
 */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/**
 * The body of both export routes: the assignment's insight for the signed-in teacher as a CSV download,
 * with `?attempt=` chosen as on the dashboard and every student of the class in name order (the page's
 * name filter and sort do not apply). Call after `requireTeacher` and inside `withHttpErrors`.
 * @throws NotFoundError for a missing or foreign class or assignment.
 */
export async function assignmentCsvExport(
  request: Request,
  teacherId: string,
  ids: { classId: string; assignmentId: string },
  kind: 'scores' | 'items',
): Promise<Response> {
  const view = { ...parseInsightView(request), sort: 'name' as const, dir: 'asc' as const, q: '' }
  const insight = await getAssignmentInsight(teacherId, ids.classId, ids.assignmentId, view)
  const lang = await getLang(request)
  const body = kind === 'scores' ? scoresCsv(insight, lang) : itemsCsv(insight, lang)
  return csvResponse(body, `${kind}-${ids.assignmentId}-${view.basis}.csv`)
}
