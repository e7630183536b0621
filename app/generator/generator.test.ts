import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../lexicon/load.server'
import { SAMPLES, loadSample, spansOf } from '../../tests/support/samples'
import { generate, generateBank } from './index'
import { BankSchema, type Bank } from './schema'
import { normalizeAnswer } from './text/normalize'
import { itemId } from './ids'
import { validateItem } from './questions/validate'

const lexicon = loadLexicon()
const overlaps = (a: [number, number], b: { start: number; end: number }) => a[0] < b.end && b.start < a[1]

function countBy(bank: Bank, type: string, skill: string) {
  return bank.questions.filter((q) => q.type === type && q.skill === skill).length
}

describe('the Vostochny article (00)', () => {
  const { text, expected } = loadSample('00-putin-kim-vostochny')
  const result = generate(text, lexicon, { articleKey: 'putin-kim-vostochny' })
  const bank = result.bank

  it('keeps the JSON contract', () => {
    expect(() => BankSchema.parse(bank)).not.toThrow()
  })

  it.each(['person', 'place', 'weapon'] as const)('finds every %s of the annotation, variants merged into one entity', (type) => {
    const ours = bank.entities.filter((e) => e.type === type)
    for (const gold of expected.entities[type]) {
      const spans = gold.variants.flatMap((v) => spansOf(text, v))
      const hits = ours.filter((e) => e.mentions.some((m) => spans.some((s) => overlaps(s, m))))
      expect(hits.map((h) => h.canonical), gold.canonical).toHaveLength(1)
    }
  })

  it('merges spelling variants: جونج/جونغ and فلاديمير/فلادمير are one entity each', () => {
    const kim = bank.entities.find((e) => e.mentions.some((m) => m.text === 'كيم جونج أون'))!
    expect(kim.mentions.some((m) => m.text === 'كيم جونغ أون')).toBe(true)
    const putin = bank.entities.find((e) => e.mentions.some((m) => m.text === 'فلاديمير بوتين'))!
    expect(putin.mentions.some((m) => m.text === 'فلادمير بوتين')).toBe(true)
    const tikhonov = bank.entities.find((e) => e.mentions.some((m) => m.text === 'فلاديمير تيخونوف'))!
    expect(tikhonov.id).not.toBe(putin.id)
  })

  it('grounds every key in its evidence sentence and keeps options unique after normalisation', () => {
    for (const q of bank.questions) {
      expect(text.slice(q.evidence.start, q.evidence.end)).toBe(q.evidence.text)
      if (q.type !== 'true_false' && q.type !== 'matching') expect(normalizeAnswer(q.evidence.text)).toContain(normalizeAnswer(q.key))
      const opts = q.options.map(normalizeAnswer)
      expect(new Set(opts).size).toBe(opts.length)
      if (q.options.length && q.type !== 'matching') expect(opts.filter((o) => o === normalizeAnswer(q.key))).toHaveLength(1)
      expect(validateItem(q, text, result.analysis.segments)).toEqual([])
    }
  })

  it('never takes evidence from the caption, the credit or the share widget', () => {
    const zones = [...expected.boilerplate, expected.caption!].flatMap((z) => spansOf(text, z))
    for (const item of [...bank.questions, ...bank.vocabulary]) {
      expect(zones.some((z) => overlaps(z, item.evidence))).toBe(false)
    }
  })

  it('meets the per-skill minimums', () => {
    expect(countBy(bank, 'mcq', 'who')).toBeGreaterThanOrEqual(3)
    expect(countBy(bank, 'mcq', 'where')).toBeGreaterThanOrEqual(2)
    expect(countBy(bank, 'mcq', 'weapon')).toBeGreaterThanOrEqual(3)
    expect(bank.questions.some((q) => q.type === 'cloze')).toBe(true)
    expect(bank.questions.some((q) => q.type === 'true_false' && q.key === 'صح')).toBe(true)
    expect(bank.questions.some((q) => q.type === 'true_false' && q.key === 'خطأ')).toBe(true)
  })

  it('asks who received Kim, with Putin as the key and people as distractors', () => {
    const q = bank.questions.find((x) => x.type === 'mcq' && x.stem.startsWith('من الذي استقبل'))!
    expect(q.key).toBe('فلاديمير بوتين')
    expect(q.stem.endsWith('؟')).toBe(true)
    const people = new Set(bank.entities.filter((e) => e.type === 'person').map((e) => e.canonical))
    for (const o of q.options) expect(people.has(o) || o === q.key).toBe(true)
  })

  it('asks where the talks ended without a distractor that contains the base (no country, no region)', () => {
    const q = bank.questions.find((x) => x.type === 'mcq' && x.stem.startsWith('أين انتهت المحادثات'))!
    expect(q.key).toBe('قاعدة فوستوتشني الفضائية')
    for (const o of ['روسيا', 'الشرق الأقصى الروسي', 'كوريا الشمالية']) expect(q.options).not.toContain(o)
  })

  it('never offers a hypernym of the key as a distractor («أسلحة», «ذخائر» for artillery shells)', () => {
    const q = bank.questions.find((x) => x.type === 'mcq' && x.key === 'قذائف مدفعية')!
    expect(q.options).not.toContain('ذخائر')
    expect(q.options).not.toContain('أسلحة')
  })

  it('asks what Pyongyang launched, with the two ballistic missiles as the key', () => {
    const q = bank.questions.find((x) => x.skill === 'weapon' && x.type === 'mcq' && x.stem.includes('أطلقت بيونغ يانغ'))!
    expect(q.key).toBe('صاروخين بالستيين')
    expect(q.stem).toBe('ماذا أطلقت بيونغ يانغ الأربعاء؟')
  })

  it('turns the dual «ساعتين» into a how-long item with counted-plural distractors', () => {
    const q = bank.questions.find((x) => x.skill === 'how_many' && x.key === 'ساعتين')!
    expect([...q.options].sort()).toEqual(['ثلاث ساعات', 'أربع ساعات', 'خمس ساعات', 'ساعتين'].sort())
  })

  it('treats the repeated White House warning as one fact', () => {
    const stems = bank.questions.map((q) => `${q.type}|${q.stem.replace(/^[وف]/, '')}`)
    expect(new Set(stems).size).toBe(stems.length)
    const warn = bank.questions.filter((q) => q.type === 'mcq' && q.key === 'البيت الأبيض')
    expect(warn).toHaveLength(1)
  })

  it('makes vocabulary cards with surface, lemma, gloss and the sentence they came from', () => {
    expect(bank.vocabulary.length).toBeGreaterThanOrEqual(25)
    for (const v of bank.vocabulary) {
      expect(text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.text)
      expect(text.slice(v.term!.start, v.term!.end)).toBe(v.surface)
      expect(v.evidence.start <= v.term!.start && v.term!.end <= v.evidence.end).toBe(true)
    }
    const shells = bank.vocabulary.find((v) => v.lemma === 'قذيفة')!
    expect(shells.surface).toBe('قذائف')
    expect(shells.gloss_en).toMatch(/shell/i)
  })

  it('builds a 12-item default quiz from the bank', () => {
    expect(result.quiz).toHaveLength(12)
    const ids = new Set(bank.questions.map((q) => q.id))
    for (const id of result.quiz) expect(ids.has(id)).toBe(true)
    const skills = new Set(bank.questions.filter((q) => result.quiz.includes(q.id)).map((q) => q.skill))
    for (const s of ['who', 'where', 'weapon']) expect(skills.has(s as never)).toBe(true)
  })
})

describe('question forms', () => {
  const bankOf = (name: string) => generate(loadSample(name).text, lexicon, { articleKey: name })

  it('asks «متى …؟» with the time phrase taken out of the clause', () => {
    const q = bankOf('03-hwasong18-test').bank.questions.find((x) => x.type === 'mcq' && x.skill === 'when')!
    expect(q.stem).toBe('متى أطلقت كوريا الشمالية صاروخاً باليستياً عابراً للقارات سقط في البحر قبالة سواحلها الشرقية؟')
    expect(q.key).toBe('12 يوليو/ تموز 2023')
  })

  it('matches people with the titles the article gives them', () => {
    const q = bankOf('00-putin-kim-vostochny').bank.questions.find((x) => x.type === 'matching' && x.skill === 'who')!
    expect(q.options).toContain('فلاديمير بوتين ↔ الرئيس الروسي')
    expect(q.key).toBe(q.options.join(' | '))
  })

  it('writes true/false statements without the conjunction that tied them to the previous sentence', () => {
    for (const name of SAMPLES) {
      for (const q of bankOf(name).bank.questions.filter((x) => x.type === 'true_false')) {
        expect(q.stem, q.stem).not.toMatch(/^(?:وقال|وأضاف|وكان|وأصبحت)\s/)
      }
    }
  })

  it.each(SAMPLES)('builds a default quiz for %s in which no item answers another', (name) => {
    const { bank, quiz } = bankOf(name)
    const items = quiz.map((id) => bank.questions.find((q) => q.id === id)!)
    const visible = (q: (typeof items)[number]) => ` ${normalizeAnswer(`${q.stem} ${q.options.join(' ')}`)} `
    for (const a of items) {
      if (a.type === 'true_false') continue
      for (const b of items) if (a !== b) expect(visible(b), `${a.key} shown by: ${b.stem}`).not.toContain(` ${normalizeAnswer(a.key)} `)
    }
    const entities = items.map((q) => q.entity_id).filter(Boolean)
    expect(new Set(entities).size).toBe(entities.length)
  })
})

describe.each(SAMPLES.slice(1))('article %s (same generator, no edits for it)', (name) => {
  const { text, expected } = loadSample(name)
  const bank = generateBank(text, lexicon, { articleKey: name })
  const goldOf = (type: 'person' | 'organization' | 'weapon') =>
    new Set(expected.entities[type].flatMap((e) => e.variants.map(normalizeAnswer)))

  it('keeps the JSON contract and grounds every key', () => {
    expect(() => BankSchema.parse(bank)).not.toThrow()
    for (const q of bank.questions) {
      if (q.type !== 'true_false' && q.type !== 'matching') expect(normalizeAnswer(q.evidence.text)).toContain(normalizeAnswer(q.key))
    }
  })

  it('has a who question whose key is a person or organisation of the annotation', () => {
    const gold = new Set([...goldOf('person'), ...goldOf('organization')])
    const who = bank.questions.filter((q) => q.skill === 'who' && q.type !== 'true_false')
    expect(who.some((q) => gold.has(normalizeAnswer(q.key)))).toBe(true)
  })

  it('has a weapon question whose key is a weapon of the annotation', () => {
    const gold = goldOf('weapon')
    const weapon = bank.questions.filter((q) => q.skill === 'weapon' && q.type !== 'true_false')
    expect(weapon.some((q) => gold.has(normalizeAnswer(q.key)))).toBe(true)
  })
})

describe('an article no lexicon covers (tests/fixtures/sudan-unseen.ar.txt, written for this test)', () => {
  const text = readFileSync(path.resolve('tests/fixtures/sudan-unseen.ar.txt'), 'utf8')
  const { bank } = generate(text, lexicon, { articleKey: 'sudan' })
  const people = bank.entities.filter((e) => e.type === 'person').map((e) => e.canonical)

  it('finds people by their titles, with compound and patronymic names', () => {
    for (const p of ['محمد حمدان دقلو', 'عبد الفتاح البرهان', 'نبيل عبد الله']) expect(people).toContain(p)
  })

  it('labels a dateline line as a credit, not a title', () => {
    expect(bank.article.title).toBeNull()
    expect(bank.article.segments[0]).toMatchObject({ kind: 'credit' })
  })

  it('asks «منذ متى …؟» for a date after «منذ»', () => {
    expect(bank.questions.some((q) => q.stem === 'منذ متى تدور الحرب بين الجيش بقيادة عبد الفتاح البرهان وقوات الدعم السريع؟')).toBe(true)
  })
})

describe('stability', () => {
  it('gives the same bank, order and ids on every run', () => {
    const { text } = loadSample('00-putin-kim-vostochny')
    const a = generateBank(text, lexicon, { articleKey: 'k' })
    const b = generateBank(text, loadLexicon(), { articleKey: 'k' })
    expect(b).toEqual(a)
  })

  it('keeps an item id when the article changes elsewhere (ids hash the fact, not offsets)', () => {
    const { text } = loadSample('00-putin-kim-vostochny')
    const a = generateBank(text, lexicon, { articleKey: 'k' })
    const b = generateBank(`مقدمة قصيرة أضيفت للنص.\n${text}`, lexicon, { articleKey: 'k' })
    const launched = (bank: Bank) => bank.questions.find((q) => q.stem === 'ماذا أطلقت بيونغ يانغ الأربعاء؟')!
    expect(launched(b).id).toBe(launched(a).id)
    expect(launched(b).evidence.start).not.toBe(launched(a).evidence.start)
  })
})

describe('ids across generator versions', () => {
  it('hash the fact (article, skill, type, evidence, key), not the stem or the explanation', () => {
    const { text } = loadSample('03-hwasong18-test')
    const bank = generateBank(text, lexicon, { articleKey: 'hwasong18-test' })
    const q = bank.questions.find((x) => x.type === 'mcq' && x.skill === 'when')!
    // a later version that words the stem differently computes the same id from the same fact
    expect(q.id).toBe(itemId('q', 'hwasong18-test', q.skill, q.type, normalizeAnswer(q.evidence.text), normalizeAnswer(q.key)))
  })
})

describe('text without entities', () => {
  it('yields no questions rather than an exception', () => {
    const bank = generateBank('هذا نص قصير عن الطقس في الصباح. الجو جميل اليوم.', lexicon)
    expect(bank.questions.every((q) => q.stem && q.key)).toBe(true)
    expect(bank.article.sentences).toHaveLength(2)
  })
})
