import { describe, expect, it } from 'vitest'
import { evidenceContext, layoutArticle, sentenceAnchor } from './article-layout'

const text = 'العنوان\nجملة أولى. جملة ثانية.\nجملة ثالثة.\nتعليق الصورة\nالمصدر'
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })
const sentences = [
  { id: 's1', ...at('جملة أولى.'), text: 'جملة أولى.' },
  { id: 's2', ...at('جملة ثانية.'), text: 'جملة ثانية.' },
  { id: 's3', ...at('جملة ثالثة.'), text: 'جملة ثالثة.' },
]
const segments = [
  { kind: 'title' as const, ...at('العنوان') },
  { kind: 'body' as const, start: at('جملة أولى.').start, end: at('جملة ثالثة.').end },
  { kind: 'caption' as const, ...at('تعليق الصورة') },
  { kind: 'credit' as const, ...at('المصدر') },
]

describe('layoutArticle', () => {
  it('splits the body into paragraphs of sentences and keeps caption and credit apart', () => {
    expect(layoutArticle(text, segments, sentences)).toEqual([
      {
        kind: 'paragraph',
        pieces: [
          { sentenceId: 's1', text: 'جملة أولى.' },
          { sentenceId: null, text: ' ' },
          { sentenceId: 's2', text: 'جملة ثانية.' },
        ],
      },
      { kind: 'paragraph', pieces: [{ sentenceId: 's3', text: 'جملة ثالثة.' }] },
      { kind: 'caption', pieces: [{ sentenceId: null, text: 'تعليق الصورة' }] },
      { kind: 'credit', pieces: [{ sentenceId: null, text: 'المصدر' }] },
    ])
  })

  it('groups a body given as one line into paragraphs of about three sentences', () => {
    const line = Array.from({ length: 7 }, (_, i) => `جملة رقم ${i + 1}.`).join(' ')
    const oneLine = line.split(' جملة').map((t, i) => (i === 0 ? t : `جملة${t}`))
    const sents = oneLine.map((t, i) => ({ id: `s${i + 1}`, start: line.indexOf(t), end: line.indexOf(t) + t.length, text: t }))
    const blocks = layoutArticle(line, [{ kind: 'body', start: 0, end: line.length }], sents)
    expect(blocks.map((b) => b.pieces.filter((p) => p.sentenceId).map((p) => p.sentenceId))).toEqual([
      ['s1', 's2', 's3'],
      ['s4', 's5', 's6', 's7'],
    ])
    // Every sentence keeps its own piece (and anchor); no text is lost but the white space between paragraphs.
    expect(blocks.flatMap((b) => b.pieces.map((p) => p.text)).join('').replace(/\s/g, '')).toBe(line.replace(/\s/g, ''))
  })

  it('renders a body without sentences as plain text', () => {
    expect(layoutArticle('نص بلا جمل', [{ kind: 'body', start: 0, end: 10 }], [])).toEqual([
      { kind: 'paragraph', pieces: [{ sentenceId: null, text: 'نص بلا جمل' }] },
    ])
  })

  it('names sentence anchors s-<id>', () => {
    expect(sentenceAnchor('s12')).toBe('s-s12')
  })
})

describe('evidenceContext', () => {
  it('shows the neighbouring sentences around the marked evidence', () => {
    expect(evidenceContext(text, sentences, at('ثانية'))).toEqual({
      sentenceId: 's2',
      before: 'جملة أولى. جملة ',
      evidence: 'ثانية',
      after: '.\nجملة ثالثة.',
    })
  })

  it('stops at the first and last sentence', () => {
    const ctx = evidenceContext(text, sentences, at('جملة أولى'))
    expect(ctx).toEqual({ sentenceId: 's1', before: '', evidence: 'جملة أولى', after: '. جملة ثانية.' })
  })

  it('falls back to the evidence alone when no sentence overlaps it', () => {
    expect(evidenceContext(text, sentences, at('المصدر'))).toEqual({
      sentenceId: null,
      before: '',
      evidence: 'المصدر',
      after: '',
    })
  })
})
