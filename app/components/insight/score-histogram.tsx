/**
 * A score histogram as a bar chart (`BarChart`): bands run in the reading direction (0 % at the right
 * edge in Arabic, at the left in English), each band's lower bound under its bar, and the same figures in
 * a table.
 */
import { BarChart } from '~/components/bar-chart'
import { insightMessages } from '~/i18n/messages/insight'
import { useLang, useT } from '~/i18n/use-t'
import type { HistogramBin } from '~/models/insight/statistics'
import { formatCount } from './format'

/** The histogram of one score summary's bins (percentages 0–100, counts of students). */
export function ScoreHistogram({ bins, id }: { bins: HistogramBin[]; id: string }) {
  const t = useT(insightMessages)
  const lang = useLang()
  const n = bins.reduce((s, b) => s + b.count, 0)
  // A band holds its lower bound, not its upper one (the last holds 100 %).
  const band = (b: HistogramBin) => `${Math.round(b.from)}–${Math.round(b.to)}%`
  return (
    <BarChart
      id={id}
      title={t('histogram_title')}
      description={`${t('histogram_desc', { n })} ${bins.map((b) => `${band(b)}: ${b.count}`).join('; ')}`}
      bars={bins.map((b) => ({ key: String(b.from), value: b.count, tick: String(Math.round(b.from)) }))}
      height={180}
      barRatio={0.8}
      formatValue={(v) => formatCount(v, lang)}
      table={{
        summary: t('histogram_table'),
        caption: t('histogram_title'),
        columns: [t('col_range'), t('col_students')],
        rows: bins.map((b) => ({
          key: String(b.from),
          header: <bdi dir="ltr">{band(b)}</bdi>,
          cells: [<bdi key="count">{formatCount(b.count, lang)}</bdi>],
        })),
      }}
    />
  )
}
