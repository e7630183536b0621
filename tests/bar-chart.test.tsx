/**
 * The bar chart shared by the reviews-per-day chart and the score histogram: bar geometry in the reading
 * direction, the part drawn over a bar, tick placement, the text alternative and the figures table, in
 * Arabic and in English.
 */
import { describe, expect, it } from 'vitest'
import { ScoreHistogram } from '~/components/insight/score-histogram'
import { ReviewsChart, type ChartDay } from '~/components/reviews-chart'
import { langCookie } from '~/i18n/lang.server'
import { histogram } from '~/models/insight/statistics'
import { getRequest } from './helpers/app'
import { renderPage } from './helpers/render'

const english = (await langCookie.serialize('en')).split(';')[0]!

function render(element: JSX.Element, lang: 'ar' | 'en') {
  return renderPage({ id: 'chart', path: 'chart', Component: () => element }, getRequest('http://localhost/chart', lang === 'en' ? english : undefined))
}

/** The numeric attributes of every `<rect>` or `<text>` with this class, in document order. */
function shapes(html: string, className: string) {
  return [...html.matchAll(new RegExp(`<(rect|text)([^>]*)class="${className}"([^>]*)>([^<]*)`, 'g'))].map((m) => {
    const attrs = `${m[2]} ${m[3]}`
    const num = (name: string) => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(attrs)?.[1])
    return { x: num('x'), y: num('y'), width: num('width'), height: num('height'), anchor: /text-anchor="(\w+)"/.exec(attrs)?.[1], text: m[4] }
  })
}

const days: ChartDay[] = [
  { key: '2026-11-29', shortLabel: '29/11', label: 'الأحد، 29 نوفمبر', reviews: 4, again: 1 },
  { key: '2026-11-30', shortLabel: '30/11', label: 'الاثنين، 30 نوفمبر', reviews: 0, again: 0 },
  { key: '2026-12-01', shortLabel: '1/12', label: 'الثلاثاء، 1 ديسمبر', reviews: 2, again: 0 },
  { key: '2026-12-02', shortLabel: '2/12', label: 'الأربعاء، 2 ديسمبر', reviews: 1, again: 1 },
]

describe('the reviews chart', () => {
  it('draws days right to left in Arabic: heights in proportion, Again over the bar, ticks at the outer edges', async () => {
    const html = await render(<ReviewsChart days={days} id="rc" />, 'ar')
    // 600 wide, 8 each side: four slots of 146, bars 70 % of a slot (102.2), centred in it.
    // Height 170, 18 above and 26 below: 126 for the busiest day (4 reviews).
    const bars = shapes(html, 'chart-bar')
    expect(bars.map((b) => b.height)).toEqual([126, 63, 31.5])
    expect(bars[0]!.x).toBeCloseTo(600 - 8 - 146 + 21.9)
    expect(bars[0]!.width).toBeCloseTo(102.2)
    expect(bars[2]!.x).toBeCloseTo(8 + 21.9) // today at the left edge
    expect(shapes(html, 'chart-bar-part').map((b) => [b.y, b.height])).toEqual([[112.5, 31.5], [112.5, 31.5]])
    const labels = shapes(html, 'chart-label')
    expect(labels.map((l) => [l.text, l.anchor])).toEqual([['4', 'end'], ['29/11', 'end'], ['2/12', 'start']])
    expect(labels[1]!.x).toBeCloseTo(600 - 8 - 146 + 21.9 + 102.2)
    // Named and described; the figures as a table, newest day first.
    expect(html).toContain('<svg viewBox="0 0 600 170" role="img" aria-labelledby="rc-title rc-desc"')
    expect(html).toContain('<title id="rc-title">المراجعات في اليوم</title>')
    expect([...html.matchAll(/<time dateTime="([\d-]+)">/g)].map((m) => m[1])).toEqual(['2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29'])
    expect(html).toContain('<td><bdi>4</bdi></td><td><bdi>1</bdi></td>')
    expect(html).toContain('<figcaption>')
  })

  it('runs left to right in English, and says when there were no reviews', async () => {
    const html = await render(<ReviewsChart days={days} id="rc" />, 'en')
    expect(shapes(html, 'chart-bar')[0]!.x).toBeCloseTo(8 + 21.9)
    expect(shapes(html, 'chart-label').map((l) => [l.text, l.anchor])).toEqual([['4', 'start'], ['29/11', 'start'], ['2/12', 'end']])
    expect(html).toContain('<th scope="col">Rated “Again”</th>')
    const none = await render(<ReviewsChart days={days.map((d) => ({ ...d, reviews: 0, again: 0 }))} id="rc" />, 'en')
    expect(none).toContain('<desc id="rc-desc">No reviews in this period.</desc>')
    expect(shapes(none, 'chart-bar')).toEqual([])
  })
})

describe('the score histogram', () => {
  it('draws ten bands with every lower bound under its bar and the counts in a table', async () => {
    const bins = histogram([0, 9.99, 10, 55, 100, 90, 95])
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3])
    const html = await render(<ScoreHistogram bins={bins} id="h" />, 'en')
    // Height 180: 136 for the fullest band (3 students); bars 80 % of a 58.4 slot.
    expect(shapes(html, 'chart-bar').map((b) => Math.round(b.height * 1000) / 1000)).toEqual([90.667, 45.333, 45.333, 136])
    expect(shapes(html, 'chart-bar')[0]!.width).toBeCloseTo(46.72)
    expect(shapes(html, 'chart-bar')[0]!.x).toBeCloseTo(8 + 5.84)
    const labels = shapes(html, 'chart-label')
    expect(labels.map((l) => l.text)).toEqual(['3', '0', '10', '20', '30', '40', '50', '60', '70', '80', '90'])
    expect(labels.slice(1).every((l) => l.anchor === 'middle')).toBe(true)
    expect(html).toContain('Students in each percentage band, out of 7. 0–10%: 2; 10–20%: 1;')
    expect(html).toContain('<th scope="row"><bdi dir="ltr">90–100%</bdi></th><td><bdi>3</bdi></td>')
    expect(html).not.toContain('<figcaption>')
  })
})
