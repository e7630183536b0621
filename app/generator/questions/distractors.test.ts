import { describe, expect, it } from 'vitest'
import { agreeWith, sameArmedForces } from './distractors'

// Arabic grammar: a noun in the accusative with nunation (tanwin al-fath) when indefinite; adjectives agree;
// a construct (idafa) drops the first term's tanwin and puts the second in the genitive.
describe('agreeWith', () => {
  const KEY_ALIF_TANWIN = 'صاروخاً باليستياً'
  it('gives every word of a noun with a nisba adjective the accusative ending, spelt as in the key', () => {
    expect(agreeWith(KEY_ALIF_TANWIN, 'صاروخ حامل', 'weapon')).toBe('صاروخاً حاملاً')
    expect(agreeWith('صاروخًا باليستيًا', 'صاروخ حامل', 'weapon')).toBe('صاروخًا حاملًا')
  })
  it('puts tanwin on a feminine noun ending in taa marbuta, not the broken-plural exemption', () => {
    expect(agreeWith(KEY_ALIF_TANWIN, 'غواصة نووية', 'weapon')).toBe('غواصةً نوويةً')
  })
  it('leaves a construct as it is: no accusative ending on either term', () => {
    expect(agreeWith(KEY_ALIF_TANWIN, 'طائرة تجسس', 'weapon')).toBe('طائرة تجسس')
    expect(agreeWith(KEY_ALIF_TANWIN, 'راجمة صواريخ', 'weapon')).toBe('راجمة صواريخ')
  })
  it('takes no tanwin on diptote broken plurals and sound feminine plurals', () => {
    expect(agreeWith(KEY_ALIF_TANWIN, 'صواريخ', 'weapon')).toBe('صواريخ')
    expect(agreeWith(KEY_ALIF_TANWIN, 'مسيرات', 'weapon')).toBe('مسيرات')
  })
  it('adds the article when the key is definite', () => {
    expect(agreeWith('الصاروخ الباليستي', 'قمر اصطناعي', 'weapon')).toBe('القمر الاصطناعي')
    expect(agreeWith('الصواريخ', 'راجمات صواريخ', 'weapon')).toBe('راجمات الصواريخ')
  })
  it('returns names unchanged', () => {
    expect(agreeWith(KEY_ALIF_TANWIN, 'كوريا الجنوبية', 'place')).toBe('كوريا الجنوبية')
  })
})

describe('agreeWith: proclitics of a definite key', () => {
  it('gives the distractor the key’s preposition, merging ل with the article', () => {
    expect(agreeWith('للأقمار الاصطناعية', 'قطار مصفح', 'weapon')).toBe('للقطار المصفح')
    expect(agreeWith('بالصواريخ', 'ذخائر', 'weapon')).toBe('بالذخائر')
  })
  it('gives the distractor the key’s conjunction', () => {
    expect(agreeWith('والغواصات النووية', 'الذخائر', 'weapon')).toBe('والذخائر')
    expect(agreeWith('والغواصات النووية', 'قمر اصطناعي', 'weapon')).toBe('والقمر الاصطناعي')
  })
})

describe('agreeWith: model names', () => {
  it('adds no article to a model name, only the key’s proclitics', () => {
    expect(agreeWith('للدفاع الجوي', 'ناسامز', 'weapon', { model: true })).toBe('لناسامز')
    expect(agreeWith('الصاروخ', 'كاليبر', 'weapon', { model: true })).toBe('كاليبر')
    expect(agreeWith('صاروخاً باليستياً', 'إسكندر', 'weapon', { model: true })).toBe('إسكندر')
  })
  it('puts the proclitics of a definite key on the first term of a construct', () => {
    expect(agreeWith('والغواصات النووية', 'راجمة صواريخ', 'weapon')).toBe('وراجمة الصواريخ')
  })
})

describe('sameArmedForces', () => {
  it('knows one country’s army under its two names', () => {
    expect(sameArmedForces('الجيش السوداني', 'القوات المسلحة السودانية')).toBe(true)
    expect(sameArmedForces('القوات المسلحة الأوكرانية', 'الجيش الأوكراني')).toBe(true)
  })
  it('keeps two countries’ armies apart', () => {
    expect(sameArmedForces('الجيش السوداني', 'القوات المسلحة الإثيوبية')).toBe(false)
    expect(sameArmedForces('الجيش السوداني', 'قوات الدعم السريع')).toBe(false)
  })
})
