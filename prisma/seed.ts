/**
 * `npm run db:seed` (also the last step of `npm run setup`): loads the lexicon and every article of
 * content/, generates each article's bank and stores it (app/models/seed.server.ts). Safe to run again:
 * unchanged rows are left alone, items no longer generated are retired, nothing is deleted. Outside
 * production (and unless FAHM_DEMO=off) it also makes sure the demo teacher and class exist, fills the
 * class with simulated students once (app/models/demo-class.server.ts) and prints the login and totals.
 */
import { prisma } from '../app/db.server'
import { loadArticles, loadLexicon } from '../app/lexicon/load.server'
import { isDemoEnabled, seedDemoTeacher } from '../app/models/demo.server'
import { seedContent } from '../app/models/seed.server'

try {
  const reports = await seedContent(prisma, { lexicon: loadLexicon(), articles: loadArticles() })
  for (const r of reports) {
    const q = r.questions
    const v = r.vocabulary
    console.log(
      `${r.slug}: article ${r.article}; quiz ${r.quizSize} questions; bank ${q.active} active (+${q.created} new, ${q.updated} updated, ${q.retired} retired); ` +
        `vocabulary ${v.active} active (+${v.created} new, ${v.updated} updated, ${v.retired} retired)`,
    )
  }
  // A known password must never reach a real server: off in production and with FAHM_DEMO=off.
  if (isDemoEnabled()) {
    const started = performance.now()
    const demo = await seedDemoTeacher(prisma)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const d = demo.demo
    console.log(
      [
        '',
        '┌─ DEMO teacher login (sample data to try Fahm: never created when setup runs with NODE_ENV=production or FAHM_DEMO=off) ─',
        `│  /teacher/login   email: ${demo.email}   password: ${demo.password}`,
        `│  demo class join code for students at /join: ${demo.joinCode}`,
        `│  demo class: ${d.students} simulated students, ${d.assignments} assignments, ${d.attempts} attempts, ${d.reviews} reviews ` +
          `(${d.created ? `simulated now in ${seconds} s` : 'already there, unchanged'})`,
        '└─',
      ].join('\n'),
    )
  }
} finally {
  await prisma.$disconnect()
}
