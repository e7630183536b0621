import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasArabicLetter, normalizeAnswer, normalizeArabic } from './normalize'

describe('normalizeArabic', () => {
  it.each([
    ['tashkeel and shadda', 'بعدًا رمزيًا تسرّع', 'بعدا رمزيا تسرع'],
    ['tatweel', 'الـــرئيس', 'الرئيس'],
    ['alef forms', 'أإآٱ', 'اااا'],
    ['alef maksura', 'على', 'علي'],
    ['teh marbuta', 'قاعدة', 'قاعده'],
    ['Arabic-Indic and Persian digits', '٢٠٢٣ ۱۳', '2023 13'],
    ['Persian yeh and keheh', 'کیم', 'كيم'],
    ['invisible marks', 'بو\u200cتين\u200f\u00ad\ufeff', 'بوتين'],
    ['presentation forms (NFKC)', '\ufefb', 'لا'],
    ['decomposed hamza (NFC)', '\u0627\u0654', 'ا'],
    ['white space', '  كيم \n\t جونغ  ', 'كيم جونغ'],
  ])('%s', (_rule, input, output) => {
    expect(normalizeArabic(input)).toBe(output)
  })

  it('merges the spelling variants the generator relies on and keeps different words apart', () => {
    expect(normalizeArabic('الأربعاء')).toBe(normalizeArabic('الاربعاء'))
    expect(normalizeArabic('فلاديمير')).not.toBe(normalizeArabic('فلادمير')) // skeletons merge these, not normalisation
  })

  it('is idempotent on arbitrary Unicode and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeArabic(s)
        expect(normalizeArabic(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })
})

describe('normalizeAnswer', () => {
  it('ignores punctuation, quotes and Latin case when comparing answers', () => {
    expect(normalizeAnswer('«شاهد-136»')).toBe(normalizeAnswer('شاهد 136'))
    expect(normalizeAnswer('NASAMS')).toBe(normalizeAnswer('nasams'))
  })
})

describe('hasArabicLetter', () => {
  it('tells Arabic text from other scripts', () => {
    expect(hasArabicLetter('IRIS-T')).toBe(false)
    expect(hasArabicLetter('منظومة IRIS-T')).toBe(true)
  })
})
