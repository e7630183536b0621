import path from 'node:path'
process.env.NODE_ENV = 'production'
process.env.DATABASE_URL = 'file:' + path.resolve('data/bench-load/load.db')
process.env.SESSION_SECRET = 'x'.repeat(40)
const { countReviewable } = await import('./app/models/review.server')
const { getQuiz } = await import('./app/models/quiz.server')
const { sqliteReader } = await import('./app/db.server')
const Database = (await import('better-sqlite3')).default
const db = new Database('data/bench-load/load.db', { readonly: true })
const ids = (db.prepare('SELECT id FROM Learner LIMIT 300').all() as { id: string }[]).map((r) => r.id)
const r = sqliteReader()
const orig = r.all.bind(r); const times = new Map<string, number[]>()
;(r as any).all = (q: any) => { const t = performance.now(); const out = orig(q); const k = q.sql.slice(0, 60).replace(/\s+/g, ' '); (times.get(k) ?? times.set(k, []).get(k)!).push(performance.now() - t); return out }
for (const [name, fn] of [['count', (id: string) => countReviewable(id, new Date())], ['quiz', (id: string) => getQuiz('putin-kim-vostochny', id, new Date())]] as const) {
  for (let i = 0; i < 100; i++) await fn(ids[i % 300]!)
  times.clear()
  const c0 = process.cpuUsage(); for (let i = 0; i < 1000; i++) await fn(ids[i % 300]!); const c = process.cpuUsage(c0)
  console.log(name, ((c.user + c.system) / 1000 / 1000).toFixed(3), 'ms cpu per call')
  for (const [k, v] of times) console.log('   ', k, (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3), 'ms mean', v.length)
}
