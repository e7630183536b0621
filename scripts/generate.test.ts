import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BankSchema } from '../app/generator/schema'

const tsx = path.resolve('node_modules/.bin/tsx')
const run = (...args: string[]) => spawnSync(tsx, ['scripts/generate.ts', ...args], { encoding: 'utf8' })

describe('npm run generate', () => {
  it('prints the bank of an article as JSON that satisfies the contract', () => {
    const out = execFileSync(tsx, ['scripts/generate.ts', '../shared/articles/03-hwasong18-test.ar.txt'], { encoding: 'utf8' })
    const bank = BankSchema.parse(JSON.parse(out))
    expect(bank.article.title).toBe('كوريا الشمالية تختبر صاروخاً عابراً للقارات يعمل بالوقود الصلب')
    expect(bank.questions.length).toBeGreaterThan(10)
  })

  it('uses the slug of the metadata beside the article, so --quiz prints the quiz the app shows', async () => {
    const out = execFileSync(tsx, ['scripts/generate.ts', 'content/articles/00-putin-kim-vostochny.ar.txt', '--quiz'], { encoding: 'utf8' })
    const bank = BankSchema.parse(JSON.parse(out))
    const { generate } = await import('../app/generator/index')
    const { loadLexicon } = await import('../app/lexicon/load.server')
    const { readFileSync } = await import('node:fs')
    const expected = generate(readFileSync('content/articles/00-putin-kim-vostochny.ar.txt', 'utf8'), loadLexicon(), { articleKey: 'putin-kim-vostochny' })
    expect(bank.questions.map((q) => q.id)).toEqual(expected.quiz)
  })

  it('prints a readable table', () => {
    const r = run('../shared/articles/03-hwasong18-test.ar.txt', '--format', 'table')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('ENTITIES')
    expect(r.stdout).toContain('هواسونغ-18')
  })

  it.each([
    ['an empty file', '', /is empty|the article is empty/],
    ['a file that is not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), /not UTF-8/],
    ['text without Arabic', 'Just an English sentence about nothing in particular.', /no Arabic text/],
  ])('exits non-zero with a one-line reason for %s', (_what, content, reason) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fahm-cli-'))
    const file = path.join(dir, 'article.txt')
    writeFileSync(file, content)
    const r = run(file)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(reason)
  })

  it('exits 2 on a missing argument or an unknown format', () => {
    expect(run().status).toBe(2)
    expect(run('../shared/articles/03-hwasong18-test.ar.txt', '--format', 'xml').status).toBe(2)
  })
})
