/**
 * Backup and restore with SQLite's backup API on a real database file: a backup taken while attempts
 * exist restores them after they were deleted; a file that is not a backup is refused and the current
 * database is left untouched.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPrismaClient } from '~/db.server'
import { BackupError, backupDatabase, fileOfUrl, restoreDatabase } from '~/utils/backup.server'

describe('db:backup and db:restore', () => {
  it('round-trips the attempts through a backup', async () => {
    const file = fileOfUrl(process.env.DATABASE_URL!)
    const dir = mkdtempSync(path.join(tmpdir(), 'fahm-backup-'))
    const db = createPrismaClient(`file:${file}`)
    const article = await db.article.create({
      data: { slug: 'backup-test', titleAr: 'نص', titleEn: 'text', outlet: 'o', publishedOn: '2023-01-01', language: 'ar', text: 'نص', segments: '[]', sentences: '[]' },
      select: { id: true },
    })
    const learner = await db.learner.create({ data: { displayName: 'سارة' }, select: { id: true } })
    await db.attempt.create({ data: { learnerId: learner.id, articleId: article.id, score: 7, total: 12 } })
    await db.attempt.create({ data: { learnerId: learner.id, articleId: article.id, score: 11, total: 12 } })
    const before = await db.attempt.findMany({ select: { id: true, score: true }, orderBy: { score: 'asc' } })

    const backup = path.join(dir, 'fahm.db')
    const { pages } = await backupDatabase(file, backup)
    expect(pages).toBeGreaterThan(0)
    await db.attempt.deleteMany({})
    expect(await db.attempt.count()).toBe(0)
    await db.$disconnect()

    await restoreDatabase(backup, file)
    const again = createPrismaClient(`file:${file}`)
    expect(await again.attempt.findMany({ select: { id: true, score: true }, orderBy: { score: 'asc' } })).toEqual(before)
    await again.$disconnect()
  })

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const file = fileOfUrl(process.env.DATABASE_URL!)
    const dir = mkdtempSync(path.join(tmpdir(), 'fahm-backup-'))
    const bogus = path.join(dir, 'notes.txt')
    writeFileSync(bogus, 'not a database')
    await expect(restoreDatabase(bogus, file)).rejects.toThrow(BackupError)
    await expect(restoreDatabase(path.join(dir, 'missing.db'), file)).rejects.toThrow(/no such backup/)
    const db = createPrismaClient(`file:${file}`)
    expect(await db.article.count()).toBeGreaterThanOrEqual(0)
    await db.$disconnect()
  })
})
