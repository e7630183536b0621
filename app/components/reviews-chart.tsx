/**
 * Reviews per day as a small SVG bar chart (time runs in the page's reading direction), with the same
 * figures in a table for screen readers and anyone who prefers numbers. The SVG is one image with a text
 * alternative; the table is the accessible source of the data.
 */
import { reviewText } from '~/i18n/messages/review'
import { useLang, useT } from '~/i18n/use-t'
import { BidiText } from './bidi-text'

export interface ChartDay {
  key: string
  shortLabel: string
  label: string
  reviews: number
  again: number
}

const WIDTH = 600
const HEIGHT = 170
const TOP = 18
const BOTTOM = 26
const SIDE = 8

export function ReviewsChart({ days, id }: { days: ChartDay[]; id: string }) {
  const max = Math.max(1, ...days.map((d) => d.reviews))
  const total = days.reduce((n, d) => n + d.reviews, 0)
  const busiest = days.reduce((best, d) => (d.reviews > best.reviews ? d : best), days[0] ?? null)
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, days.length)
  const barWidth = Math.max(2, slot * 0.7)
  const plotHeight = HEIGHT - TOP - BOTTOM
  const y = (n: number) => TOP + plotHeight - (n / max) * plotHeight
  // Time runs in the reading direction: in Arabic the oldest day is at the right edge and today at the
  // left; in English the other way round.
  const rtl = useLang() === 'ar'
  const x = (i: number) => (rtl ? WIDTH - SIDE - (i + 1) * slot : SIDE + i * slot) + (slot - barWidth) / 2
  const first = days[0]
  const last = days[days.length - 1]
  const t = useT(reviewText)
  const summary =
    total === 0
      ? t('chartNone')
      : t('chartSummary', { total, days: days.length, busiest: busiest?.reviews ?? 0, label: busiest?.label ?? '' })

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
        // Coordinates are placed explicitly (oldest day on the right); left-to-right text keeps the
        // anchors of the digit labels where they are drawn instead of mirroring them off the canvas.
        direction="ltr"
      >
        <title id={`${id}-title`}>{t('chartTitle')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(0)} y2={y(0)} className="chart-axis" />
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(max)} y2={y(max)} className="chart-grid" />
        <text x={rtl ? WIDTH - SIDE : SIDE} y={y(max) - 4} className="chart-label" textAnchor={rtl ? 'end' : 'start'}>
          {max}
        </text>
        {days.map((d, i) => (
          <g key={d.key}>
            {d.reviews > 0 ? (
              <rect x={x(i)} y={y(d.reviews)} width={barWidth} height={y(0) - y(d.reviews)} className="chart-bar" />
            ) : null}
            {d.again > 0 ? (
              <rect x={x(i)} y={y(d.again)} width={barWidth} height={y(0) - y(d.again)} className="chart-bar-again" />
            ) : null}
          </g>
        ))}
        {first ? (
          <text x={rtl ? x(0) + barWidth : x(0)} y={HEIGHT - 6} className="chart-label" textAnchor={rtl ? 'end' : 'start'}>
            {first.shortLabel}
          </text>
        ) : null}
        {last ? (
          <text
            x={rtl ? x(days.length - 1) : x(days.length - 1) + barWidth}
            y={HEIGHT - 6}
            className="chart-label"
            textAnchor={rtl ? 'start' : 'end'}
          >
            {last.shortLabel}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <span className="legend legend-bar" aria-hidden="true" /> {t('legendAll')}{' '}
        <span className="legend legend-again" aria-hidden="true" /> {t('legendAgain')}
      </figcaption>
      <details className="chart-data">
        <summary>{t('chartTable')}</summary>
        <table>
          <caption>
            <BidiText text={t('chartCaption', { days: days.length })} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colDay')}</th>
              <th scope="col">{t('colReviews')}</th>
              <th scope="col">{t('colAgain')}</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((d) => (
              <tr key={d.key}>
                <th scope="row">
                  <time dateTime={d.key}>
                    <BidiText text={d.label} />
                  </time>
                </th>
                <td>
                  <bdi>{d.reviews}</bdi>
                </td>
                <td>
                  <bdi>{d.again}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
