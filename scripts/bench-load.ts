/**
 * `npm run bench:load` — a whole class at once against the production server (issue 9).
 *
 * 1. Builds the app (`npm run build`; `BENCH_SKIP_BUILD=1` reuses `build/`) and prepares a fresh database
 *    `data/bench-load/load.db` with `npm run setup` (migrations, the sample articles and their quizzes;
 *    NODE_ENV=production, so no demo teacher).
 * 2. Creates a teacher, a class and `BENCH_STUDENTS` (300) students in it, and signs each in with a
 *    session cookie made by the app's own session storage.
 * 3. Starts `server/index.ts` on 127.0.0.1:`BENCH_PORT` (3190) and runs autocannon with
 *    `BENCH_CONNECTIONS` (100) connections, loopback only (a request unanswered after `BENCH_TIMEOUT_S`,
 *    120 s, is an error), route by route:
 *    - `/healthz` (the ceiling: same server, no database, no rendering), `BENCH_SECONDS` (10) s;
 *    - `/lang` as the next student each time (the framework floor of a page: the root layout with the
 *      learner's header count, a page of a heading and a two-button form), `BENCH_SECONDS` s;
 *    - the quiz page, each request as the next student, `BENCH_SECONDS` s, as fast as the server answers;
 *    - the quiz page again at a fixed `BENCH_RATE` (50) requests/s over the same connections (autocannon
 *      `overallRate`; autocannon then uses at most that many connections and releases each second's
 *      requests together, so this is a burst of BENCH_RATE students opening the quiz at the same instant,
 *      every second): the latency a class sees at a stated arrival rate rather than at saturation;
 *    - the quiz submit: every student posts their answers once, then every form is posted again in a
 *      shuffled order (a double submit), all through the same 100 connections.
 * 4. Prints requests/s, p50 / p99 latency, errors and statuses per route and the quiz page's throughput
 *    as a ratio of `/healthz` and of `/lang`; then checks in the database that every student has exactly one attempt,
 *    with the score their answers earn and one response per question. Exits 1 when a write is lost or
 *    duplicated or a request failed.
 *
 * `BENCH_SERVERS=2` starts two server processes on the same database (ports 3190 and 3191) and splits the
 * connections and students between them: two SQLite connections writing at once, the case where a
 * deferred read-then-write transaction fails with SQLITE_BUSY (`app/utils/serialized-sqlite.server.ts`).
 * Latencies are then the mean of the two p50s and the larger p99.
 *
 * Timing is wall-clock on a shared machine: rerun for a median. Results go into BENCHMARKS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const PORT = Number(process.env.BENCH_PORT ?? 3190)
/** Server processes on the same database file (ports PORT, PORT + 1, …); the load is split evenly. */
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1)
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 120)
/** Requests per second of the fixed-rate quiz-page phase (all servers together). */
const RATE = Number(process.env.BENCH_RATE ?? 50)
const SLUG = process.env.BENCH_ARTICLE ?? 'putin-kim-vostochny'
const dir = path.resolve('data/bench-load')
const dbFile = path.join(dir, 'load.db')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URL: `file:${dbFile}`,
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  FAHM_DEMO: 'off',
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`)
}

async function prepare() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log('building (npm run build)…')
    run('npm', ['run', '-s', 'build'])
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  console.log('fresh database with the sample articles (npm run setup)…')
  run('npm', ['run', '-s', 'setup'])

  // The app's own modules, on the bench database and secret.
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, SESSION_SECRET: env.SESSION_SECRET, NODE_ENV: 'production' })
  const { prisma } = await import('../app/db.server')
  const { sessionStorage } = await import('../app/session.server')
  const { createTeacher } = await import('../app/models/teacher.server')
  const { createClass } = await import('../app/models/classroom.server')
  const { answerFieldName } = await import('../app/models/quiz-form')

  const teacher = await createTeacher({ email: 'bench.teacher@example.org', password: 'bench-teacher-password', displayName: 'معلم' })
  if (teacher.status !== 'created') throw new Error('teacher not created')
  const classroom = await createClass(teacher.teacher.id, 'صف الاختبار')
  if (classroom.status !== 'created') throw new Error('class not created')
  const questions = await prisma.question.findMany({
    where: { article: { slug: SLUG }, retired: false, quizPosition: { not: null }, type: { in: ['mcq', 'true_false', 'cloze', 'short_answer'] } },
    orderBy: { quizPosition: 'asc' },
    select: { id: true, type: true, key: true, options: true },
  })
  if (questions.length === 0) throw new Error(`article ${SLUG} has no quiz`)

  const students = []
  for (let i = 0; i < STUDENTS; i++) {
    const learner = await prisma.learner.create({
      data: { displayName: `طالب ${i + 1}`, classroomId: classroom.id, timeZone: 'Asia/Riyadh' },
      select: { id: true },
    })
    const session = await sessionStorage.getSession()
    session.set('learnerId', learner.id)
    const cookie = (await sessionStorage.commitSession(session)).split(';')[0]!
    // Student i answers the first (i mod (n + 1)) questions right and the rest wrong: every score occurs.
    const correct = i % (questions.length + 1)
    const fields = new URLSearchParams([['clientToken', randomUUID()]])
    questions.forEach((q, k) => {
      const options = JSON.parse(q.options) as string[]
      const wrong = q.type === 'short_answer' ? 'جواب آخر' : options.find((o) => o !== q.key)!
      fields.append(answerFieldName(q.id), k < correct ? q.key : wrong)
    })
    students.push({ id: learner.id, cookie, body: fields.toString(), expectedScore: correct })
  }
  await prisma.$disconnect()
  return { students, questionCount: questions.length }
}

async function startServer(port: number): Promise<ChildProcess> {
  const log = createWriteStream(path.join(dir, `server-${port}.log`))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}; see ${dir}/server-${port}.log`)))
  })
  return child
}

interface RouteResult {
  route: string
  requests: number
  rps: number
  p50: number
  p99: number
  errors: number
  statuses: Record<string, number>
}

/** Runs one autocannon instance per server at once; `optionsFor(i)` gives server i's share of the load. */
async function measure(route: string, optionsFor: (server: number) => Partial<autocannon.Options>): Promise<RouteResult> {
  const statuses: Record<string, number> = {}
  const results = await Promise.all(
    Array.from({ length: SERVERS }, (_, i) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          // A request still waiting after TIMEOUT_S seconds counts as an error (autocannon's default is 10 s).
          {
            url: `http://127.0.0.1:${PORT + i}`,
            connections: Math.ceil(CONNECTIONS / SERVERS),
            timeout: TIMEOUT_S,
            ...optionsFor(i),
          } as autocannon.Options,
          (error, result) => (error ? reject(error) : resolve(result)),
        )
        instance.on('response', (_client, status) => {
          statuses[status] = (statuses[status] ?? 0) + 1
        })
      }),
    ),
  )
  const total = Object.values(statuses).reduce((a, b) => a + b, 0)
  return {
    route,
    requests: total,
    rps: total / Math.max(...results.map((r) => r.duration || 1)),
    p50: Math.round(results.reduce((sum, r) => sum + r.latency.p50, 0) / results.length),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    statuses,
  }
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const { students, questionCount } = await prepare()
const servers: ChildProcess[] = []
for (let i = 0; i < SERVERS; i++) servers.push(await startServer(PORT + i))
let failed = false
try {
  // Warm-up: JIT, Prisma's query compiler, the first render of each route.
  await measure('warm-up', () => ({ amount: 500, connections: 10, requests: [{ method: 'GET', path: '/healthz' }, { method: 'GET', path: `/articles/${SLUG}/quiz`, headers: { cookie: students[0]!.cookie } }] }))

  const results: RouteResult[] = []
  results.push(await measure('GET /healthz (ceiling)', () => ({ duration: SECONDS, requests: [{ method: 'GET', path: '/healthz' }] })))

  let nextLang = 0
  results.push(
    await measure(`GET /lang (as ${STUDENTS} students)`, () => ({
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          path: '/lang',
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: students[nextLang++ % students.length]!.cookie } }),
        },
      ],
    })),
  )

  let next = 0
  const quizPage = (rate?: number) => (): Partial<autocannon.Options> => ({
    duration: SECONDS,
    ...(rate ? { overallRate: Math.max(1, Math.round(rate / SERVERS)) } : {}),
    requests: [
      {
        method: 'GET' as const,
        path: `/articles/${SLUG}/quiz`,
        setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, cookie: students[next++ % students.length]!.cookie } }),
      },
    ],
  })
  results.push(await measure(`GET /articles/${SLUG}/quiz (as ${STUDENTS} students)`, quizPage()))
  results.push(await measure(`GET /articles/${SLUG}/quiz at ${RATE} requests/s`, quizPage(RATE)))

  // Each student's form once, then every form again in another order (double submits); with several
  // servers a repeat may go to another server than the first post.
  const posts = [...students, ...shuffled(students)]
  const shares = Array.from({ length: SERVERS }, (_, i) => posts.filter((_, k) => k % SERVERS === i))
  const cursors = shares.map(() => 0)
  results.push(
    await measure(`POST /articles/${SLUG}/quiz (${STUDENTS} submits + ${STUDENTS} repeats)`, (i) => ({
      amount: shares[i]!.length,
      requests: [
        {
          method: 'POST',
          path: `/articles/${SLUG}/quiz`,
          setupRequest: (req) => {
            const s = shares[i]![cursors[i]!++]!
            const origin = `http://127.0.0.1:${PORT + i}`
            return {
              ...req,
              body: s.body,
              headers: {
                ...req.headers,
                cookie: s.cookie,
                'content-type': 'application/x-www-form-urlencoded',
                origin,
                'sec-fetch-site': 'same-origin',
              },
            }
          },
        },
      ],
    })),
  )

  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`${CONNECTIONS} connections, loopback; ${SERVERS} server process(es); ${STUDENTS} students; quiz of ${questionCount} questions\n`)
  console.log('| route | requests | req/s | p50 ms | p99 ms | errors | statuses |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const r of results) {
    const statuses = Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')
    console.log(`| ${r.route} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${statuses} |`)
  }
  const [ceiling, floor, page, paced, submit] = results as [RouteResult, RouteResult, RouteResult, RouteResult, RouteResult]
  console.log(
    `\nquiz page throughput / healthz: ${(page.rps / ceiling.rps).toFixed(2)}, / lang page: ${(page.rps / floor.rps).toFixed(2)} (aim ≥ 0.5)` +
      `\nquiz page p99 at saturation (${CONNECTIONS} connections): ${page.p99} ms; at ${RATE} requests/s: ${paced.p99} ms (aim < 100 ms)`,
  )
  const badSubmits = Object.entries(submit.statuses).filter(([s]) => s !== '302').reduce((n, [, c]) => n + c, 0)
  const pages = [floor, page, paced]
  const badPages = pages.flatMap((r) => Object.entries(r.statuses)).filter(([s]) => s !== '200').reduce((n, [, c]) => n + c, 0)
  const pageErrors = pages.reduce((n, r) => n + r.errors, 0)
  if (submit.errors + badSubmits + pageErrors + badPages > 0) {
    failed = true
    console.log(`FAILED requests: ${submit.errors + pageErrors} socket errors, ${badSubmits} submits and ${badPages} pages with another status`)
  }
} finally {
  await Promise.all(
    servers.map((server) => {
      server.kill('SIGTERM')
      return new Promise((resolve) => server.once('exit', resolve))
    }),
  )
}

// What the servers answered to the posts, from their request logs (autocannon counts requests it still
// had outstanding when it stopped as errors).
const answered: Record<string, number> = {}
for (let i = 0; i < SERVERS; i++) {
  for (const line of readFileSync(path.join(dir, `server-${PORT + i}.log`), 'utf8').split('\n')) {
    const m = / POST \/articles\/\S+\/quiz (\d{3}|aborted) /.exec(line)
    if (m) answered[m[1]!] = (answered[m[1]!] ?? 0) + 1
  }
}
console.log(`server logs, quiz posts: ${Object.entries(answered).map(([s, n]) => `${s}×${n}`).join(' ')}`)

// Every submitted attempt stored exactly once, with the right score and all its responses.
const db = new Database(dbFile, { readonly: true })
const rows = db
  .prepare(
    `SELECT a.learnerId AS learnerId, COUNT(DISTINCT a.id) AS attempts, MIN(a.score) AS score, MAX(a.score) AS maxScore,
            (SELECT COUNT(*) FROM Response r WHERE r.attemptId IN (SELECT id FROM Attempt WHERE learnerId = a.learnerId)) AS responses
       FROM Attempt a GROUP BY a.learnerId`,
  )
  .all() as { learnerId: string; attempts: number; score: number; maxScore: number; responses: number }[]
db.close()
const byLearner = new Map(rows.map((r) => [r.learnerId, r]))
let lost = 0
let duplicated = 0
let wrongScore = 0
for (const s of students) {
  const row = byLearner.get(s.id)
  if (!row) lost++
  else {
    if (row.attempts > 1) duplicated++
    if (row.score !== s.expectedScore || row.maxScore !== s.expectedScore || row.responses !== row.attempts * questionCount) wrongScore++
  }
}
console.log(
  `database: ${students.length - lost}/${students.length} students stored, ${lost} lost, ${duplicated} duplicated, ${wrongScore} with a wrong score or missing responses`,
)
if (lost + duplicated + wrongScore > 0) failed = true
process.exit(failed ? 1 : 0)
