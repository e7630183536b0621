import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SAMPLES, loadSample } from '../../../tests/support/samples'
import { datelineLength, segmentText } from './segments'
import { splitSentences } from './sentences'

describe.each(SAMPLES)('segments of %s', (name) => {
  const { text, expected } = loadSample(name)
  const segments = segmentText(text)
  const kinds = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => text.slice(s.start, s.end))

  it('labels the credit line and share widget as non-body', () => {
    const nonBody = [...kinds('credit'), ...kinds('boilerplate')]
    expect(nonBody.sort()).toEqual([...expected.boilerplate].sort())
  })

  it('finds the embedded photo caption, if any, exactly', () => {
    expect(kinds('caption')).toEqual(expected.caption ? [expected.caption] : [])
  })

  it('finds the title line, if any', () => {
    expect(kinds('title')).toEqual(expected.title ? [expected.title] : [])
  })

  it('keeps caption, credit and widget text out of the sentences', () => {
    const sentences = splitSentences(text, segments)
    for (const s of sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text)
      for (const b of expected.boilerplate) expect(s.text).not.toContain(b)
      if (expected.caption) expect(s.text).not.toContain(expected.caption)
    }
  })
})

describe('sentences of the Vostochny article', () => {
  const { text } = loadSample('00-putin-kim-vostochny')
  const sentences = splitSentences(text, segmentText(text))

  it('does not split a quotation at its inner full stop and keeps the closing quote', () => {
    const s = sentences.find((x) => x.text.includes('سنناقش كافة المواضيع'))!
    expect(s.text).toContain('لدينا الوقت لذلك"')
    expect(s.text.endsWith('التعاون العسكري.')).toBe(true)
  })

  it('survives the unclosed quotation: the next sentence starts on its own', () => {
    expect(sentences.some((x) => x.text.startsWith('وشكر كيم بوتين'))).toBe(true)
  })

  it('keeps the in-sentence date parenthesis inside its sentence (not a caption)', () => {
    const s = sentences.find((x) => x.text.startsWith('انتهت المحادثات'))!
    expect(s.text).toContain('(الاربعاء 13 سبتمبر/ أيلول 2023)')
    expect(s.text.endsWith('"تاس".')).toBe(true)
  })

  it('has 30 body sentences', () => {
    expect(sentences).toHaveLength(30)
  })
})

describe('segmentation never throws and offsets always slice back', () => {
  it('on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const segments = segmentText(s)
        for (const seg of segments) expect(seg.end).toBeGreaterThan(seg.start)
        for (const sen of splitSentences(s, segments)) expect(s.slice(sen.start, sen.end)).toBe(sen.text)
      }),
      { numRuns: 300 },
    )
  })

  it('on 200 KB without punctuation and on empty text', () => {
    const long = 'كلمة '.repeat(40_000)
    const sentences = splitSentences(long, segmentText(long))
    expect(sentences).toHaveLength(1)
    expect(splitSentences('', segmentText(''))).toEqual([])
  })
})

describe('page furniture of other outlets', () => {
  const text = [
    'قمة الناتو في فيلنيوس',
    'واشنطن – (أ ف ب): أعلن البيت الأبيض اليوم أن الرئيس سيحضر القمة.',
    'موسكو - رويترز قال الكرملين إن المحادثات مستمرة.',
    'بيروت ـ "القدس العربي": قال مسؤول إن الهدنة صامدة.',
    'صورة أرشيفية لاجتماع سابق لقادة الحلف (رويترز)',
    'نُشر في: 12/3/2024',
    'اقرأ أيضا: الحلف يبحث توسيع مهامه',
    'ع.ح/ (أ ف ب، رويترز)',
    'المصدر: الجزيرة + وكالات',
    'الرئيس الفرنسي خلال مؤتمر صحفي في باريس (رويترز)',
    'Advertisement',
    'شارك',
  ].join('\n')
  const segments = segmentText(text)
  const of = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => text.slice(s.start, s.end))

  it('labels datelines, source lines and agency credits as credit', () => {
    expect(of('credit')).toEqual(['واشنطن – (أ ف ب):', 'موسكو - رويترز', 'بيروت ـ "القدس العربي":', 'ع.ح/ (أ ف ب، رويترز)', 'المصدر: الجزيرة + وكالات'])
  })

  it('labels stamps, read-also links and widgets as boilerplate, announced photos as captions', () => {
    expect(of('boilerplate')).toEqual(['نُشر في: 12/3/2024', 'اقرأ أيضا: الحلف يبحث توسيع مهامه', 'Advertisement', 'شارك'])
    expect(of('caption')).toEqual(['صورة أرشيفية لاجتماع سابق لقادة الحلف (رويترز)', 'الرئيس الفرنسي خلال مؤتمر صحفي في باريس (رويترز)'])
  })

  it('starts the body after the dateline', () => {
    expect(splitSentences(text, segments).map((s) => s.text)).toEqual([
      'أعلن البيت الأبيض اليوم أن الرئيس سيحضر القمة.',
      'قال الكرملين إن المحادثات مستمرة.',
      'قال مسؤول إن الهدنة صامدة.',
    ])
  })
})

describe('datelineLength: the agency in parentheses before the dash', () => {
  it('measures «PLACE (AGENCY) -» up to the first word of the report', () => {
    const line = 'الرباط (رويترز) - قالت الحكومة إن المحادثات انتهت.'
    expect(line.slice(datelineLength(line))).toBe('قالت الحكومة إن المحادثات انتهت.')
  })
  it('leaves a parenthesis that is not an agency alone', () => {
    expect(datelineLength('الرباط (المغرب) - قالت الحكومة إن المحادثات انتهت.')).toBe(0)
  })
})

describe('datelineLength: an unquoted agency of several words before a colon', () => {
  it('measures «PLACE - أ ف ب:»', () => {
    const line = 'أربيل - أ ف ب: قصفت المدفعية مواقع قرب الحدود.'
    expect(line.slice(datelineLength(line))).toBe('قصفت المدفعية مواقع قرب الحدود.')
  })
})
