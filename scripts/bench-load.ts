/**
 * `npm run bench:load` — a whole class at once against the production server (issue 9).
 *
 * 1. Builds the app (`npm run build`; `BENCH_SKIP_BUILD=1` reuses `build/`) and prepares a fresh database
 *    `data/bench-load/load.db` with `npm run setup` (migrations, the sample articles and their quizzes;
 *    NODE_ENV=production, so no demo teacher).
 * 2. Creates a teacher, a class and 2 × `BENCH_STUDENTS` (2 × 300) students in it, each signed in with a
 *    session cookie made by the app's own session storage: the first `BENCH_STUDENTS` for the class-start
 *    phase, the others for the saturation submit phase, so both phases write real first attempts.
 * 3. Starts `server/index.ts` on 127.0.0.1:`BENCH_PORT` (3190), loopback only (a request unanswered after
 *    `BENCH_TIMEOUT_S`, 120 s, is an error), and runs, route by route:
 *    - saturation, autocannon closed loops of `BENCH_CONNECTIONS` (100) always-busy connections for
 *      `BENCH_SECONDS` (10) s each: `/healthz` (the ceiling: same server, no database, no rendering);
 *      `/lang` as the next student each time (the framework floor of a page: the root layout with the
 *      learner's header count, a heading and a two-button form); the quiz page as the next student each
 *      time. These give throughput and the quiz page / ceiling ratio; their latency is Little's law
 *      (100 requests always in the server: mean latency = 100 / throughput), not what a class sees;
 *    - class start (open loop; after a 3 s pause for the requests the closed loop left in the server): the
 *      first `BENCH_STUDENTS` arrive as a Poisson process at `BENCH_ARRIVALS_PER_S` (5) per second
 *      (exponential gaps from mulberry32 seeded with `BENCH_SEED`, 9, so runs are repeatable; 300 students
 *      in about a minute: the issue's largest class "within the same minute", each answering at once;
 *      BENCHMARKS.md also gives higher rates). Each student opens their own
 *      connection, GETs the quiz page with their cookie, waits `BENCH_THINK_MS` (0: answers at once, the
 *      harshest case) and POSTs their answers; one student in five (chosen by the same seed) double-clicks
 *      (the same form twice at once, the second on a second connection) and one in ten posts the same form
 *      again after the first answer (flaky Wi-Fi). At most `BENCH_CONNECTIONS` students are in the server
 *      at once, from their first request to their last answer (think time included: the connection stays
 *      open); a student arriving when all are taken waits for a free slot. The latency of each request is
 *      timed by this script from writing the request to the last byte of the answer; for the quiz page
 *      it is also given as the student sees it, from the scheduled arrival (slot wait and any lateness of
 *      this script's own timers included: no coordinated omission);
 *    - the saturation submit: each of the other `BENCH_STUDENTS` posts their answers once, then every form
 *      is posted again in a shuffled order (a double submit), all through autocannon's 100 connections.
 *    Class start uses Node's `http` module with one keep-alive `Agent` per student rather than autocannon:
 *    a student's script (page, think, one or two simultaneous posts, a retry after the answer) is a few
 *    awaits, whereas autocannon's request lists replay a fixed sequence per connection and cannot post on a
 *    second connection at once; one autocannon instance per student would add its per-instance set-up
 *    (client, histograms, timers) to the client's share of the two cores. The slot limit is our own
 *    counter, not an Agent's `maxSockets`, so the wait for a slot is measured apart from the request.
 *    Neither tool sends `Accept-Encoding`, so pages are not compressed in either phase.
 * 4. Prints the saturation table (requests/s, p50 / p99 latency, errors and statuses per route), the
 *    class-start table (count, p50 / p95 / p99 / max from an HDR histogram, errors and statuses per route;
 *    the phase's wall time, how many students waited for a slot and how long), the quiz page's throughput
 *    as a ratio of `/healthz` and of `/lang`, and the quiz page p99 in the class start and at saturation;
 *    then checks in the database that every student of both phases has exactly one attempt, with the score
 *    their answers earn and one response per question. Exits 1 when a write is lost or duplicated or a
 *    request failed.
 *
 * `WEB_CONCURRENCY=2` runs each server as a cluster of two workers on one port (`server/cluster.ts`).
 * `BENCH_SERVERS=2` starts two server processes on the same database (ports 3190 and 3191) and splits the
 * connections and students between them (class start: student i on server i mod 2, with all their
 * requests): two SQLite connections writing at once, the case where a deferred read-then-write
 * transaction fails with SQLITE_BUSY (`app/utils/serialized-sqlite.server.ts`). Saturation latencies are
 * then the mean of the two p50s and the larger p99.
 *
 * Timing is wall-clock on a shared machine, with this script on the same cores as the server: rerun for a
 * median. Results go into BENCHMARKS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { build as buildHistogram } from 'hdr-histogram-js'
import { mulberry32 } from '../app/utils/random'

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const PORT = Number(process.env.BENCH_PORT ?? 3190)
/** Server processes on the same database file (ports PORT, PORT + 1, …); the load is split evenly. */
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1)
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 120)
/** Mean arrivals per second of the class-start phase's Poisson process (all servers together). */
const ARRIVALS_PER_S = Number(process.env.BENCH_ARRIVALS_PER_S ?? 5)
/** Class start: ms between a student's quiz page and their first post. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0)
/** Seed of the arrival times, of who double-clicks or retries, and of the saturation repeats' order. */
const SEED = Number(process.env.BENCH_SEED ?? 9)
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

/** A signed-in student: learner id, `name=value` session cookie, urlencoded form body, score it earns. */
interface Student {
  id: string
  cookie: string
  body: string
  expectedScore: number
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

  const students: Student[] = []
  for (let i = 0; i < 2 * STUDENTS; i++) {
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
  return { classStart: students.slice(0, STUDENTS), submitters: students.slice(STUDENTS), questionCount: questions.length }
}

async function startServer(port: number): Promise<ChildProcess> {
  const log = createWriteStream(path.join(dir, `server-${port}.log`))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  // With WEB_CONCURRENCY > 1 (a cluster), every worker prints its own line: wait for all of them.
  const workers = Number(env.WEB_CONCURRENCY || 1)
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if ((out.match(/listening on/g) ?? []).length >= workers) resolve()
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

/** A copy of `items` in a random order (Fisher–Yates) drawn from `rand`. */
function shuffled<T>(items: T[], rand: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** One answered (or failed) request of the class-start phase: ms from writing it to the answer's last byte. */
interface Sample {
  ms: number
  /** The HTTP status, or 'error' for a socket error or no answer within TIMEOUT_S. */
  status: string
}

/** Sends one request of `student` to the quiz page on `agent`; never rejects (a failure is status 'error'). */
function send(agent: http.Agent, port: number, method: 'GET' | 'POST', student: Student): Promise<Sample> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { cookie: student.cookie }
    if (method === 'POST') {
      Object.assign(headers, {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(student.body),
        origin: `http://127.0.0.1:${port}`,
        'sec-fetch-site': 'same-origin',
      })
    }
    const start = performance.now()
    const done = (status: string) => resolve({ ms: performance.now() - start, status })
    const req = http.request({ host: '127.0.0.1', port, method, path: `/articles/${SLUG}/quiz`, agent, headers, timeout: TIMEOUT_S * 1000 }, (res) => {
      res.once('end', () => done(String(res.statusCode)))
      res.once('error', () => done('error'))
      res.resume()
    })
    req.once('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_S} s`)))
    req.once('error', () => done('error'))
    req.end(method === 'POST' ? student.body : undefined)
  })
}

/** A class-start table row: latencies in ms (HDR histogram of µs, 3 significant digits). */
interface ClassRow {
  route: string
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  errors: number
  statuses: Record<string, number>
}

function classRow(route: string, samples: Sample[]): ClassRow {
  const histogram = buildHistogram()
  const statuses: Record<string, number> = {}
  for (const s of samples) {
    histogram.recordValue(Math.max(1, Math.round(s.ms * 1000)))
    if (s.status !== 'error') statuses[s.status] = (statuses[s.status] ?? 0) + 1
  }
  const max = histogram.maxValue / 1000
  const at = (p: number) => Math.min(max, histogram.getValueAtPercentile(p) / 1000)
  return { route, count: samples.length, p50: at(50), p95: at(95), p99: at(99), max, errors: samples.filter((s) => s.status === 'error').length, statuses }
}

/**
 * The class-start phase (see the header): Poisson arrivals of `students`, each with their own keep-alive
 * connection(s), at most CONNECTIONS students in the server at once. Returns the table rows, the wall time
 * (ms, first scheduled arrival to last answer) and the slot waits (ms).
 */
async function classStart(students: Student[]) {
  const rand = mulberry32(SEED)
  let t = 0
  // Exponential gaps (inverse transform): the arrival times of a Poisson process of rate ARRIVALS_PER_S.
  const arrivals = students.map(() => (t += (-Math.log(1 - rand()) / ARRIVALS_PER_S) * 1000))
  const indices = students.map((_, i) => i)
  const doubleClickers = new Set(shuffled(indices, rand).slice(0, Math.round(students.length / 5)))
  const retriers = new Set(shuffled(indices, rand).slice(0, Math.round(students.length / 10)))

  let free = CONNECTIONS
  const queue: (() => void)[] = []
  const slotWaits: number[] = []
  const pages: Sample[] = []
  const seen: Sample[] = []
  const firsts: Sample[] = []
  const repeats: Sample[] = []
  const visit = async (student: Student, i: number, arrival: number) => {
    if (free > 0) free--
    else {
      const asked = performance.now()
      await new Promise<void>((resolve) => queue.push(resolve))
      slotWaits.push(performance.now() - asked)
    }
    const port = PORT + (i % SERVERS)
    const agent = new http.Agent({ keepAlive: true })
    try {
      const page = await send(agent, port, 'GET', student)
      pages.push(page)
      seen.push({ ms: performance.now() - arrival, status: page.status })
      if (THINK_MS > 0) await sleep(THINK_MS)
      const [first, twin] = await Promise.all([send(agent, port, 'POST', student), doubleClickers.has(i) ? send(agent, port, 'POST', student) : undefined])
      firsts.push(first)
      if (twin) repeats.push(twin)
      if (retriers.has(i)) repeats.push(await send(agent, port, 'POST', student))
    } finally {
      agent.destroy()
      const next = queue.shift()
      if (next) next()
      else free++
    }
  }
  const t0 = performance.now()
  const visits: Promise<void>[] = []
  for (const [i, student] of students.entries()) {
    const arrival = t0 + arrivals[i]!
    const delay = arrival - performance.now()
    if (delay > 0) await sleep(delay)
    visits.push(visit(student, i, arrival))
  }
  await Promise.all(visits)
  return {
    wallMs: performance.now() - t0,
    lastArrivalMs: t,
    doubleClicks: doubleClickers.size,
    retries: retriers.size,
    slotWaits,
    rows: [
      classRow('GET quiz page', pages),
      classRow('GET quiz page, as the student sees it (from arrival)', seen),
      classRow('POST quiz, first submit', firsts),
      classRow(`POST quiz, repeats (${doubleClickers.size} double-clicks + ${retriers.size} retries)`, repeats),
    ],
  }
}

const { classStart: classStudents, submitters, questionCount } = await prepare()
const students = [...classStudents, ...submitters]
const servers: ChildProcess[] = []
for (let i = 0; i < SERVERS; i++) servers.push(await startServer(PORT + i))
let failed = false
/** Quiz posts sent in both phases, to compare with the servers' logs. */
let postsSent = 0
try {
  // Warm-up: JIT, Prisma's query compiler, the first render of each route.
  await measure('warm-up', () => ({ amount: 500, connections: 10, requests: [{ method: 'GET', path: '/healthz' }, { method: 'GET', path: `/articles/${SLUG}/quiz`, headers: { cookie: students[0]!.cookie } }] }))

  const results: RouteResult[] = []
  results.push(await measure('GET /healthz (ceiling)', () => ({ duration: SECONDS, requests: [{ method: 'GET', path: '/healthz' }] })))

  let nextLang = 0
  results.push(
    await measure(`GET /lang (as ${submitters.length} students)`, () => ({
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          path: '/lang',
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: submitters[nextLang++ % submitters.length]!.cookie } }),
        },
      ],
    })),
  )

  let next = 0
  results.push(
    await measure(`GET /articles/${SLUG}/quiz (as ${submitters.length} students)`, () => ({
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          path: `/articles/${SLUG}/quiz`,
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: submitters[next++ % submitters.length]!.cookie } }),
        },
      ],
    })),
  )

  // The closed loop's last requests may still be in the server when autocannon stops.
  await sleep(3000)
  const start = await classStart(classStudents)
  postsSent += start.rows[2]!.count + start.rows[3]!.count

  // Each student's form once, then every form again in another order (double submits); with several
  // servers a repeat may go to another server than the first post.
  const posts = [...submitters, ...shuffled(submitters, mulberry32(SEED + 1))]
  const shares = Array.from({ length: SERVERS }, (_, i) => posts.filter((_, k) => k % SERVERS === i))
  const cursors = shares.map(() => 0)
  postsSent += posts.length
  results.push(
    await measure(`POST /articles/${SLUG}/quiz (${submitters.length} submits + ${submitters.length} repeats)`, (i) => ({
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

  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${Number(env.WEB_CONCURRENCY || 1)} worker(s) per server (WEB_CONCURRENCY)`)
  console.log(`loopback; ${SERVERS} server process(es); quiz of ${questionCount} questions\n`)
  console.log(`Saturation: autocannon, ${CONNECTIONS} connections in a closed loop\n`)
  console.log('| route | requests | req/s | p50 ms | p99 ms | errors | statuses |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  const statusList = (statuses: Record<string, number>) => Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' ')
  for (const r of results) {
    console.log(`| ${r.route} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${statusList(r.statuses)} |`)
  }
  const waits = classRow('slot wait', start.slotWaits.map((ms) => ({ ms, status: 'waited' })))
  console.log(
    `\nClass start: ${classStudents.length} students, Poisson arrivals at ${ARRIVALS_PER_S}/s (seed ${SEED}; last arrival at ` +
      `${(start.lastArrivalMs / 1000).toFixed(1)} s), think time ${THINK_MS} ms, at most ${CONNECTIONS} students in the server at once; ` +
      `wall time ${(start.wallMs / 1000).toFixed(1)} s\n`,
  )
  console.log('| route | count | p50 ms | p95 ms | p99 ms | max ms | errors | statuses |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
  const ms = (v: number) => v.toFixed(1)
  for (const r of start.rows) {
    console.log(`| ${r.route} | ${r.count} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${statusList(r.statuses)} |`)
  }
  console.log(
    `\n${waits.count} of ${classStudents.length} students arrived with all ${CONNECTIONS} slots taken` +
      (waits.count > 0 ? `; their wait for a slot: p50 ${ms(waits.p50)} ms, p99 ${ms(waits.p99)} ms, max ${ms(waits.max)} ms` : ''),
  )

  const [ceiling, floor, page, submit] = results as [RouteResult, RouteResult, RouteResult, RouteResult]
  const [classPage, classSeen, classFirsts, classRepeats] = start.rows as [ClassRow, ClassRow, ClassRow, ClassRow]
  console.log(
    `\nquiz page throughput / minimal page (/lang): ${(page.rps / floor.rps).toFixed(2)} (aim ≥ 0.5); ` +
      `/ healthz (no page: ${(floor.rps / ceiling.rps).toFixed(2)} even for the minimal page): ${(page.rps / ceiling.rps).toFixed(2)}` +
      `\nquiz page p99 in the class start (${ARRIVALS_PER_S} students/s): ${ms(classPage.p99)} ms per request, ${ms(classSeen.p99)} ms as students see it (aim < 100 ms)` +
      `; at saturation (${CONNECTIONS} connections, for reference): ${page.p99} ms`,
  )
  const other = (statuses: Record<string, number>, ok: string) => Object.entries(statuses).filter(([s]) => s !== ok).reduce((n, [, c]) => n + c, 0)
  const badSubmits = other(submit.statuses, '302') + other(classFirsts.statuses, '302') + other(classRepeats.statuses, '302')
  const badPages = other(floor.statuses, '200') + other(page.statuses, '200') + other(classPage.statuses, '200')
  const submitErrors = submit.errors + classFirsts.errors + classRepeats.errors
  const pageErrors = floor.errors + page.errors + classPage.errors
  if (submitErrors + badSubmits + pageErrors + badPages > 0) {
    failed = true
    console.log(`FAILED requests: ${submitErrors + pageErrors} socket errors, ${badSubmits} submits and ${badPages} pages with another status`)
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
console.log(`server logs, quiz posts of both phases (${postsSent} sent): ${Object.entries(answered).map(([s, n]) => `${s}×${n}`).join(' ')}`)

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
