/**
 * A score histogram as an accessible SVG (the approach of `reviews-chart.tsx`): one image with a title and
 * a description, and the same figures in a table. Bands run in the reading direction: 0 % at the right
 * edge in Arabic, at the left in English.
 */
import { insightMessages } from '~/i18n/messages/insight'
import { useLang, useT } from '~/i18n/use-t'
import type { HistogramBin } from '~/models/insight/statistics'
import { formatCount } from './format'

const WIDTH = 600
const HEIGHT = 180
const TOP = 18
const BOTTOM = 26
const SIDE = 8

export function ScoreHistogram({ bins, id }: { bins: HistogramBin[]; id: string }) {
  const t = useT(insightMessages)
  const lang = useLang()
  const n = bins.reduce((s, b) => s + b.count, 0)
  const max = Math.max(1, ...bins.map((b) => b.count))
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bins.length)
  const barWidth = slot * 0.8
  const plotHeight = HEIGHT - TOP - BOTTOM
  const y = (count: number) => TOP + plotHeight - (count / max) * plotHeight
  const rtl = lang === 'ar'
  const x = (i: number) => (rtl ? WIDTH - SIDE - (i + 1) * slot : SIDE + i * slot) + (slot - barWidth) / 2
  // A band holds its lower bound, not its upper one (the last holds 100 %).
  const band = (b: HistogramBin) => `${Math.round(b.from)}–${Math.round(b.to)}%`
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
        // Coordinates are placed explicitly in the reading direction; LTR text keeps digit labels in place.
        direction="ltr"
      >
        <title id={`${id}-title`}>{t('histogram_title')}</title>
        <desc id={`${id}-desc`}>
          {t('histogram_desc', { n })} {bins.map((b) => `${band(b)}: ${b.count}`).join('; ')}
        </desc>
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(0)} y2={y(0)} className="chart-axis" />
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(max)} y2={y(max)} className="chart-grid" />
        <text x={rtl ? WIDTH - SIDE : SIDE} y={y(max) - 4} className="chart-label" textAnchor={rtl ? 'end' : 'start'}>
          {formatCount(max, lang)}
        </text>
        {bins.map((b, i) => (
          <g key={b.from}>
            {b.count > 0 ? <rect x={x(i)} y={y(b.count)} width={barWidth} height={y(0) - y(b.count)} className="chart-bar" /> : null}
            <text x={x(i) + barWidth / 2} y={HEIGHT - 8} className="chart-label" textAnchor="middle">
              {Math.round(b.from)}
            </text>
          </g>
        ))}
      </svg>
      <details className="chart-data">
        <summary>{t('histogram_table')}</summary>
        <table>
          <caption>{t('histogram_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col_range')}</th>
              <th scope="col">{t('col_students')}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}>
                <th scope="row">
                  <bdi dir="ltr">{band(b)}</bdi>
                </th>
                <td>
                  <bdi>{formatCount(b.count, lang)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
