/**
 * Reviews per day as a bar chart (`BarChart`: time runs in the page's reading direction), the reviews
 * rated Again drawn over each day's bar, with the same figures in a table, newest day first.
 */
import { reviewText } from '~/i18n/messages/review'
import { useT } from '~/i18n/use-t'
import { BarChart } from './bar-chart'
import { BidiText } from './bidi-text'

/** One learner day of the chart: its key (`YYYY-MM-DD`), labels and counts of reviews. */
export interface ChartDay {
  key: string
  /** Drawn under the first and last bars («1/12»). */
  shortLabel: string
  /** The day in the table and the summary («الثلاثاء، 1 ديسمبر»). */
  label: string
  reviews: number
  /** Of `reviews`, those rated Again. */
  again: number
}

/** The chart of a learner's reviews per day, oldest day first in `days`. */
export function ReviewsChart({ days, id }: { days: ChartDay[]; id: string }) {
  const t = useT(reviewText)
  const total = days.reduce((n, d) => n + d.reviews, 0)
  const busiest = days.reduce((best, d) => (d.reviews > best.reviews ? d : best), days[0] ?? null)
  return (
    <BarChart
      id={id}
      title={t('chartTitle')}
      description={
        total === 0
          ? t('chartNone')
          : t('chartSummary', { total, days: days.length, busiest: busiest?.reviews ?? 0, label: busiest?.label ?? '' })
      }
      bars={days.map((d) => ({ key: d.key, value: d.reviews, part: d.again, tick: d.shortLabel }))}
      ticks="ends"
      legend={
        <>
          <span className="legend legend-bar" aria-hidden="true" /> {t('legendAll')}{' '}
          <span className="legend legend-part" aria-hidden="true" /> {t('legendAgain')}
        </>
      }
      table={{
        summary: t('chartTable'),
        caption: <BidiText text={t('chartCaption', { days: days.length })} />,
        columns: [t('colDay'), t('colReviews'), t('colAgain')],
        rows: [...days].reverse().map((d) => ({
          key: d.key,
          header: (
            <time dateTime={d.key}>
              <BidiText text={d.label} />
            </time>
          ),
          cells: [<bdi key="reviews">{d.reviews}</bdi>, <bdi key="again">{d.again}</bdi>],
        })),
      }}
    />
  )
}
