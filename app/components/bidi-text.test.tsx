import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BidiMessage, splitBidiRuns } from './bidi-text'

describe('splitBidiRuns', () => {
  it('isolates digit and Latin runs and keeps the text intact', () => {
    const text = 'النتيجة 9/12 في منظومة IRIS-T يوم 13 سبتمبر'
    const runs = splitBidiRuns(text)
    expect(runs.filter((r) => r.isolate).map((r) => r.text)).toEqual(['9/12', 'IRIS-T', '13'])
    expect(runs.map((r) => r.text).join('')).toBe(text)
  })

  it('keeps a Latin phrase in one run', () => {
    expect(splitBidiRuns('وكالة Agence France-Presse')).toEqual([
      { text: 'وكالة ', isolate: false },
      { text: 'Agence France-Presse', isolate: true },
    ])
  })

  it('leaves brackets outside the runs so pairs stay in the Arabic text', () => {
    expect(splitBidiRuns('قاعدة فوستوتشني (13 سبتمبر 2023)')).toEqual([
      { text: 'قاعدة فوستوتشني (', isolate: false },
      { text: '13', isolate: true },
      { text: ' سبتمبر ', isolate: false },
      { text: '2023', isolate: true },
      { text: ')', isolate: false },
    ])
  })

  it('keeps a sign with its number', () => {
    expect(splitBidiRuns('تمييز سالب (-0.784)')).toEqual([
      { text: 'تمييز سالب (', isolate: false },
      { text: '-0.784', isolate: true },
      { text: ')', isolate: false },
    ])
    expect(splitBidiRuns('في 9:30 ص غرينتش+3').filter((r) => r.isolate).map((r) => r.text)).toEqual(['9:30', '+3'])
    // A dash between words is not a sign.
    expect(splitBidiRuns('قبل - 3 أيام').filter((r) => r.isolate).map((r) => r.text)).toEqual(['3'])
  })

  it('leaves pure Arabic text alone', () => {
    expect(splitBidiRuns('فهم المقروء')).toEqual([{ text: 'فهم المقروء', isolate: false }])
  })
})

describe('BidiMessage', () => {
  const classTitle = {
    ar: (p: { name: string }) => `نتائج الصف «${p.name}» (${3} واجبات)`,
    en: (p: { name: string }) => `Results of class “${p.name}”`,
  }

  it('isolates a named value whole, and the message digits as BidiText does', () => {
    const html = renderToStaticMarkup(<BidiMessage render={(v) => classTitle.ar({ name: v.name })} values={{ name: 'Grade 7B' }} />)
    expect(html).toBe('نتائج الصف «<bdi>Grade 7B</bdi>» (<bdi>3</bdi> واجبات)')
  })

  it('keeps an Arabic name with digits in one isolate inside an English sentence, with its language', () => {
    const html = renderToStaticMarkup(
      <BidiMessage render={(v) => classTitle.en({ name: v.name })} values={{ name: 'الصف 7 أ' }} langs={{ name: 'ar' }} />,
    )
    // (BidiText isolates the English words too: harmless in a left-to-right line.)
    expect(html).toBe('<bdi>Results of class</bdi> “<bdi lang="ar">الصف 7 أ</bdi>”')
  })

  it('places several values where the message puts them', () => {
    const html = renderToStaticMarkup(
      <BidiMessage render={(v) => `${v.b} قبل ${v.a}`} values={{ a: 'IRIS-T', b: 'سارة 2' }} />,
    )
    expect(html).toBe('<bdi>سارة 2</bdi> قبل <bdi>IRIS-T</bdi>')
  })
})
