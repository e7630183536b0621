/**
 * `npm run db:seed` (also the last step of `npm run setup`): loads the lexicon and every article of
 * content/, generates each article's bank and stores it (app/models/seed.server.ts). Safe to run again:
 * unchanged rows are left alone, items no longer generated are retired, nothing is deleted.
 */
import { prisma } from '../app/db.server'
import { loadArticles, loadLexicon } from '../app/lexicon/load.server'
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
} finally {
  await prisma.$disconnect()
}
