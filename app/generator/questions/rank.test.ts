import { describe, expect, it } from 'vitest'
import type { BankQuestion } from '../schema'
import { selectQuiz, type RankedItem } from './rank'

function item(id: string, skill: BankQuestion['skill'], stem: string, key: string, entityId: string, sentenceId: string): RankedItem {
  const question: BankQuestion = {
    id,
    type: 'mcq',
    skill,
    stem,
    options: [key, 'خيار أول', 'خيار ثان', 'خيار ثالث'],
    key,
    accepted: [key],
    evidence: { start: 0, end: 1, text: stem },
    explanation: stem,
  }
  return { question, fact: id, score: 0, sentenceId, entityId }
}

describe('selectQuiz', () => {
  it('never takes an item whose key another item shows', () => {
    const a = item('a', 'who', 'من استقبل الضيف في مدينة قازان؟', 'سيرغي', 'e1', 's1')
    const b = item('b', 'where', 'أين استقبل سيرغي الضيف؟', 'قازان', 'e2', 's2')
    expect(selectQuiz([a, b])).toEqual(['a'])
  })

  it('swaps one item for two when the best-ranked item blocks both (one-for-two local search)', () => {
    // «a» ranks first and shows the keys of «b» and «c»; «b» and «c» do not block each other.
    const a = item('a', 'who', 'قال ماهر إن المعرض في مدينة قازان يفتح غدا', 'ماهر', 'e1', 's1')
    const b = item('b', 'who', 'من الذي افتتح المعرض؟', 'ماهر', 'e1', 's2')
    const c = item('c', 'where', 'أين يقام المعرض الذي يفتح غدا؟', 'قازان', 'e3', 's3')
    // greedy alone would stop at [a]: b repeats a's entity, c's key is in a's stem
    expect(selectQuiz([a, b, c]).sort()).toEqual(['b', 'c'])
  })
})
