/**
 * The hot read path (`sqliteReader()`, `queryRows`): the same rows and the same date comparisons as
 * Prisma's own queries, fresh data after later commits although statements are prepared once, and no
 * writes.
 */
import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { prisma, sqliteReader } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import { SqlDateOrNull, SqlInt, queryRows } from '~/models/insight/queries.server'

const Row = z.object({ id: z.string(), displayName: z.string(), createdAt: SqlDateOrNull, newCardsPerDay: SqlInt })

describe('queryRows on the read connection', () => {
  it('binds a Date as Prisma stores it, so the same range selects the same learners', async () => {
    const at = (iso: string) => new Date(iso)
    const [a, b, c] = await Promise.all(
      ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', '2026-01-03T10:00:00Z'].map((iso, i) =>
        prisma.learner.create({ data: { displayName: `reader ${i}`, createdAt: at(iso), newCardsPerDay: 10 + i }, select: { id: true } }),
      ),
    )
    const from = at('2026-01-02T00:00:00Z')
    const until = at('2026-01-03T10:00:00Z')
    const viaPrisma = await prisma.learner.findMany({
      where: { createdAt: { gte: from, lt: until }, displayName: { startsWith: 'reader' } },
      select: { id: true },
    })
    const rows = await queryRows(
      Row,
      Prisma.sql`SELECT "id", "displayName", "createdAt", "newCardsPerDay" FROM "Learner"
        WHERE "createdAt" >= ${from} AND "createdAt" < ${until} AND "displayName" LIKE 'reader%' ORDER BY "createdAt"`,
    )
    expect(viaPrisma.map((r) => r.id)).toEqual([b!.id])
    expect(rows).toEqual([{ id: b!.id, displayName: 'reader 1', createdAt: at('2026-01-02T10:00:00Z'), newCardsPerDay: 11 }])
    expect([a!.id, c!.id]).not.toContain(rows[0]!.id)
  })

  it('sees rows committed after its statement was prepared', async () => {
    const count = () =>
      queryRows(z.object({ n: SqlInt }), Prisma.sql`SELECT COUNT(*) AS n FROM "Learner" WHERE "displayName" = ${'later'}`)
    expect(await count()).toEqual([{ n: 0 }])
    await prisma.learner.create({ data: { displayName: 'later' } })
    expect(await count()).toEqual([{ n: 1 }])
    await prisma.$transaction([prisma.learner.create({ data: { displayName: 'later' } }), prisma.learner.create({ data: { displayName: 'later' } })])
    expect(await count()).toEqual([{ n: 3 }])
  })

  it('refuses statements that write, and the connection cannot write', () => {
    expect(() => sqliteReader().all({ sql: `DELETE FROM "Learner"`, values: [] })).toThrow(TypeError)
    expect(() => sqliteReader().all({ sql: `INSERT INTO "Learner" ("id", "displayName") VALUES ('x', 'y') RETURNING "id"`, values: [] })).toThrow(
      /readonly/i,
    )
  })
})

describe('the shared client\'s writing connection', () => {
  it('leaves WAL checkpoints to the checkpoint thread, and the WAL is still checkpointed', async () => {
    const [setting] = await prisma.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>('PRAGMA wal_autocheckpoint')
    expect(Number(setting!.wal_autocheckpoint)).toBe(0)
    const file = process.env.DATABASE_URL!.replace(/^file:/, '')
    const before = statSync(file).size
    await prisma.learner.createMany({ data: Array.from({ length: 2000 }, (_, i) => ({ displayName: `wal ${i} ${'x'.repeat(100)}` })) })
    // Nobody else checkpoints (the writer's automatic checkpoints are off): the rows reach the database
    // file only through the thread, within a few of its 500 ms rounds.
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 200_000)
  })
})
