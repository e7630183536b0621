/**
 * A small accessible SVG bar chart: one image (`role="img"`) named by its title and described by a text
 * summary, bars running in the page's reading direction (the first bar at the right edge in Arabic, at the
 * left in English), and the same figures in a table under a disclosure for screen readers and anyone who
 * prefers numbers. Used by the reviews-per-day chart and the score histogram.
 */
import type { ReactNode } from 'react'
import { useLang } from '~/i18n/use-t'

/** One bar: its value, an optional part of it drawn over it in the second colour, its tick label. */
export interface Bar {
  /** Unique among the bars (a React key). */
  key: string
  /** The bar's height in data units (≥ 0). */
  value: number
  /** A part of `value` (≤ value) drawn over the bar in the second colour, e.g. reviews rated Again. */
  part?: number
  /** The label under the bar (see `ticks`). */
  tick?: string
}

/** The figures table under the chart: column headings, then one row a bar (in the order given). */
export interface BarChartTable {
  /** The disclosure's summary text. */
  summary: string
  caption: ReactNode
  columns: string[]
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[]
}

const WIDTH = 600
const TOP = 18
const BOTTOM = 26
const SIDE = 8

/**
 * @param props.id prefix of the SVG title and description ids (unique on the page).
 * @param props.title the chart's name (the SVG `<title>`).
 * @param props.description the text alternative of the figure (the SVG `<desc>`).
 * @param props.height the SVG's height in viewBox units (the width is 600).
 * @param props.barRatio the share of a bar's slot its bar fills (0–1); bars are at least 2 units wide.
 * @param props.ticks `all`: every bar's tick centred under it; `ends`: only the first and last bars' ticks,
 *   held at the chart's outer edges so a date does not overflow the canvas.
 * @param props.formatValue how the scale's maximum is written (default: the number as it is).
 * @param props.legend what the figure's caption says (e.g. the colours' meaning); none when absent.
 */
export function BarChart({
  id,
  title,
  description,
  bars,
  height = 170,
  barRatio = 0.7,
  ticks = 'all',
  formatValue = String,
  legend,
  table,
}: {
  id: string
  title: string
  description: string
  bars: Bar[]
  height?: number
  barRatio?: number
  ticks?: 'all' | 'ends'
  formatValue?: (value: number) => string
  legend?: ReactNode
  table: BarChartTable
}) {
  const rtl = useLang() === 'ar'
  const max = Math.max(1, ...bars.map((b) => b.value))
  const slot = (WIDTH - 2 * SIDE) / Math.max(1, bars.length)
  const barWidth = Math.max(2, slot * barRatio)
  const plotHeight = height - TOP - BOTTOM
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight
  const x = (i: number) => (rtl ? WIDTH - SIDE - (i + 1) * slot : SIDE + i * slot) + (slot - barWidth) / 2
  const last = bars.length - 1
  // Where a tick is drawn and which side of it is anchored there; `ends` pins the first and last ticks
  // to the bars' outer edges (the chart's edges in the reading direction).
  const tickAt = (i: number): { x: number; anchor: 'start' | 'middle' | 'end' } | null => {
    if (ticks === 'all') return { x: x(i) + barWidth / 2, anchor: 'middle' }
    if (i === 0) return { x: rtl ? x(i) + barWidth : x(i), anchor: rtl ? 'end' : 'start' }
    if (i === last) return { x: rtl ? x(i) : x(i) + barWidth, anchor: rtl ? 'start' : 'end' }
    return null
  }

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
        // Coordinates are placed explicitly in the reading direction; left-to-right text keeps the anchors
        // of the digit labels where they are drawn instead of mirroring them off the canvas.
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(0)} y2={y(0)} className="chart-axis" />
        <line x1={SIDE} x2={WIDTH - SIDE} y1={y(max)} y2={y(max)} className="chart-grid" />
        <text x={rtl ? WIDTH - SIDE : SIDE} y={y(max) - 4} className="chart-label" textAnchor={rtl ? 'end' : 'start'}>
          {formatValue(max)}
        </text>
        {bars.map((b, i) => {
          const tick = b.tick === undefined ? null : tickAt(i)
          return (
            <g key={b.key}>
              {b.value > 0 ? <rect x={x(i)} y={y(b.value)} width={barWidth} height={y(0) - y(b.value)} className="chart-bar" /> : null}
              {b.part ? <rect x={x(i)} y={y(b.part)} width={barWidth} height={y(0) - y(b.part)} className="chart-bar-part" /> : null}
              {tick ? (
                <text x={tick.x} y={height - 6} className="chart-label" textAnchor={tick.anchor}>
                  {b.tick}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      {legend ? <figcaption>{legend}</figcaption> : null}
      <details className="chart-data">
        <summary>{table.summary}</summary>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.header}</th>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
