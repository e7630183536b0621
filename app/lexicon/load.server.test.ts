import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContentError, loadArticles, loadLexicon } from './load.server'

function copyLexicon(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fahm-lexicon-'))
  cpSync(path.resolve('content/lexicon'), dir, { recursive: true })
  return dir
}

describe('loadLexicon', () => {
  it('loads the project lexicons', () => {
    const lx = loadLexicon()
    expect(lx.vocabulary.length).toBeGreaterThanOrEqual(40)
    expect(lx.people.find((p) => p.id === 'vladimir-putin')?.variants).toContain('بوتين')
    expect(lx.triggers.person_titles).toContain('وزير الدفاع')
  })

  it('names the file and the offending entry when an entry is malformed', () => {
    const dir = copyLexicon()
    const file = path.join(dir, 'weapons.json')
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>
    entries[3] = { ...entries[3], category: 'laser sword' }
    writeFileSync(file, JSON.stringify(entries))
    expect(() => loadLexicon(dir)).toThrow(ContentError)
    expect(() => loadLexicon(dir)).toThrow(new RegExp(`weapons\\.json: entry 3 \\(${String(entries[3]!.id)}\\): category`))
  })

  it('refuses duplicate ids and files that are not JSON', () => {
    const dir = copyLexicon()
    const file = path.join(dir, 'people.json')
    const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown[]
    writeFileSync(file, JSON.stringify([...entries, entries[0]]))
    expect(() => loadLexicon(dir)).toThrow(/people\.json: entry \d+ \([a-z-]+\): duplicate id/)
    writeFileSync(path.join(dir, 'places.json'), '[{"id": ')
    writeFileSync(file, JSON.stringify(entries))
    expect(() => loadLexicon(dir)).toThrow(/places\.json: not valid JSON/)
  })
})

describe('loadArticles', () => {
  it('loads every article with its metadata, the text byte for byte', () => {
    const articles = loadArticles()
    const first = articles.find((a) => a.meta.slug === 'putin-kim-vostochny')!
    expect(first.meta.published).toBe('2023-09-13')
    expect(first.text).toBe(readFileSync(path.resolve('../shared/articles/00-putin-kim-vostochny.ar.txt'), 'utf8'))
  })
})
