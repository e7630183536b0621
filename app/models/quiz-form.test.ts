import { describe, expect, it } from 'vitest'
import { answerFieldName, parseQuizForm, parseStartedAt, readQuizForm, type QuizFormQuestion } from './quiz-form'

const questions: QuizFormQuestion[] = [
  { id: 'a:1', type: 'mcq', options: ['أ', 'ب', 'ج', 'د'] },
  { id: 'a:2', type: 'short_answer', options: [] },
]
const token = '3b241101-e2bb-4255-8caf-4136c566a962'

function form(entries: [string, string][]): FormData {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}

const valid: [string, string][] = [
  ['clientToken', token],
  ['displayName', '  سارة   أحمد '],
  [answerFieldName('a:1'), 'ب'],
  [answerFieldName('a:2'), ' فوستوتشني '],
]

describe('readQuizForm', () => {
  it('keeps every answer entry in order, duplicates included', () => {
    const raw = readQuizForm(form([...valid, [answerFieldName('a:1'), 'ج']]))
    expect(raw.answers.map((a) => a.questionId)).toEqual(['a:1', 'a:2', 'a:1'])
    expect(raw.displayName).toBe('  سارة   أحمد ')
  })
})

describe('parseQuizForm', () => {
  it('accepts a complete form, collapsing the name and trimming short answers', () => {
    const result = parseQuizForm(form(valid), questions, { needsDisplayName: true })
    expect(result.success).toBe(true)
    if (!result.success) return
    expect(result.data.displayName).toBe('سارة أحمد')
    expect([...result.data.answers]).toEqual([
      ['a:1', 'ب'],
      ['a:2', 'فوستوتشني'],
    ])
  })

  it('ignores the name field when the learner already has one', () => {
    const result = parseQuizForm(
      form(valid.filter(([k]) => k !== 'displayName')),
      questions,
      { needsDisplayName: false },
    )
    expect(result.success && result.data.displayName).toBe(null)
  })

  const cases: { name: string; entries: [string, string][]; form?: string[]; fields?: Record<string, string> }[] = [
    {
      name: 'missing question id',
      entries: [...valid, ['answer:', 'أ']],
      form: ['missing_question_id'],
    },
    { name: 'unknown question id', entries: [...valid, [answerFieldName('zzz'), 'أ']], form: ['unknown_question'] },
    {
      name: 'question answered twice',
      entries: [...valid, [answerFieldName('a:1'), 'ج']],
      fields: { 'a:1': 'duplicate_answer' },
    },
    {
      name: 'option not offered',
      entries: valid.map(([k, v]) => [k, k === answerFieldName('a:1') ? 'هـ' : v]),
      fields: { 'a:1': 'option_not_offered' },
    },
    {
      name: 'unanswered question',
      entries: valid.filter(([k]) => k !== answerFieldName('a:2')),
      fields: { 'a:2': 'unanswered' },
    },
    {
      name: 'empty display name',
      entries: valid.map(([k, v]) => [k, k === 'displayName' ? '   ' : v]),
      fields: { displayName: 'display_name_empty' },
    },
    {
      name: 'display name over 60 characters',
      entries: valid.map(([k, v]) => [k, k === 'displayName' ? 'م'.repeat(61) : v]),
      fields: { displayName: 'display_name_too_long' },
    },
    {
      name: 'bad client token',
      entries: valid.map(([k, v]) => [k, k === 'clientToken' ? 'not-a-uuid' : v]),
      form: ['bad_token'],
    },
  ]

  it.each(cases)('rejects: $name', ({ entries, form: formCodes = [], fields = {} }) => {
    const result = parseQuizForm(form(entries), questions, { needsDisplayName: true })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.errors).toEqual({ form: formCodes, fields })
  })

  it('accepts a display name of exactly 60 characters', () => {
    const entries = valid.map(([k, v]): [string, string] => [k, k === 'displayName' ? 'م'.repeat(60) : v])
    expect(parseQuizForm(form(entries), questions, { needsDisplayName: true }).success).toBe(true)
  })

  it('rejects a quiz without questions', () => {
    const result = parseQuizForm(form([['clientToken', token]]), [], { needsDisplayName: false })
    expect(!result.success && result.errors.form).toEqual(['no_questions'])
  })

  it('echoes the submitted values back', () => {
    const entries = valid.map(([k, v]): [string, string] => [k, k === answerFieldName('a:1') ? 'هـ' : v])
    const result = parseQuizForm(form(entries), questions, { needsDisplayName: true })
    expect(!result.success && result.values).toEqual({
      displayName: '  سارة   أحمد ',
      answers: { 'a:1': 'هـ', 'a:2': ' فوستوتشني ' },
    })
  })
})

describe('parseStartedAt (time taken)', () => {
  const now = new Date('2026-11-30T10:00:00.000Z')
  it('keeps a start time before the submit and at most a day earlier', () => {
    expect(parseStartedAt('2026-11-30T09:48:30.000Z', now)?.toISOString()).toBe('2026-11-30T09:48:30.000Z')
    expect(parseStartedAt('2026-11-30T12:48:30+03:00', now)?.toISOString()).toBe('2026-11-30T09:48:30.000Z')
    expect(parseStartedAt('2026-11-29T10:00:00.000Z', now)?.toISOString()).toBe('2026-11-29T10:00:00.000Z')
  })
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a date', 'yesterday'],
    ['no zone', '2026-11-30T09:48:30'],
    ['equal to the submit time', '2026-11-30T10:00:00.000Z'],
    ['after the submit', '2026-11-30T10:00:01.000Z'],
    ['more than a day earlier', '2026-11-29T09:59:59.999Z'],
  ])('gives null (unknown) when %s', (_name, value) => {
    expect(parseStartedAt(value, now)).toBe(null)
  })
  it('reads the field and echoes it back after a rejected submit', () => {
    const entries: [string, string][] = [...valid.filter(([k]) => k !== answerFieldName('a:2')), ['startedAt', '2026-11-30T09:48:30.000Z']]
    expect(readQuizForm(form(entries)).startedAt).toBe('2026-11-30T09:48:30.000Z')
    const result = parseQuizForm(form(entries), questions, { needsDisplayName: true })
    expect(!result.success && result.values.startedAt).toBe('2026-11-30T09:48:30.000Z')
  })
})
