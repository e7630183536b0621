import { describe, expect, it } from 'vitest'
import { splitBidiRuns } from './bidi-text'

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

  it('leaves pure Arabic text alone', () => {
    expect(splitBidiRuns('فهم المقروء')).toEqual([{ text: 'فهم المقروء', isolate: false }])
  })
})
