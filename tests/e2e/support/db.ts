/**
 * Read-only look-ups in the server's SQLite file, so the flows can assert real values (the key of each
 * question shown, a learner's review count) instead of trusting what the page says about itself. Every
 * call opens and closes its own read-only connection; the server keeps writing in WAL mode meanwhile.
 */
import Database from 'better-sqlite3'
import { e2e } from './browser'

function read<T>(query: (db: Database.Database) => T): T {
  const db = new Database(e2e.databaseFile, { readonly: true, fileMustExist: true })
  try {
    return query(db)
  } finally {
    db.close()
  }
}

/** A quiz question as stored: its type, key and accepted surface forms (JSON column parsed). */
export interface StoredQuestion {
  id: string
  type: string
  key: string
  options: string[]
}

/**
 * The stored questions with these ids.
 * @throws Error naming the first id that is not in the database.
 */
export function questionsById(ids: string[]): Map<string, StoredQuestion> {
  return read((db) => {
    const statement = db.prepare('SELECT id, type, key, options FROM Question WHERE id = ?')
    const found = new Map<string, StoredQuestion>()
    for (const id of ids) {
      const row = statement.get(id) as { id: string; type: string; key: string; options: string } | undefined
      if (!row) throw new Error(`question ${id} is not in the database`)
      found.set(id, { id: row.id, type: row.type, key: row.key, options: JSON.parse(row.options) as string[] })
    }
    return found
  })
}

/** The id of the (only) learner with this display name; the flows give every learner a unique name. */
export function learnerIdByName(displayName: string): string {
  return read((db) => {
    const rows = db.prepare('SELECT id FROM Learner WHERE displayName = ?').all(displayName) as { id: string }[]
    if (rows.length !== 1) throw new Error(`expected one learner named ${displayName}, found ${rows.length}`)
    return rows[0]!.id
  })
}

/** How many reviews a learner has recorded (rows of ReviewLog). */
export function countReviews(learnerId: string): number {
  return read((db) => (db.prepare('SELECT COUNT(*) AS n FROM ReviewLog WHERE learnerId = ?').get(learnerId) as { n: number }).n)
}

/** How many cards a learner holds (vocabulary and missed-question cards). */
export function countCards(learnerId: string): number {
  return read((db) => (db.prepare('SELECT COUNT(*) AS n FROM Card WHERE learnerId = ?').get(learnerId) as { n: number }).n)
}

/** The stored score and number of items of an attempt. */
export function attemptScore(attemptId: string): { score: number; total: number } {
  return read((db) => {
    const row = db.prepare('SELECT score, total FROM Attempt WHERE id = ?').get(attemptId) as { score: number; total: number } | undefined
    if (!row) throw new Error(`attempt ${attemptId} is not in the database`)
    return row
  })
}

/** A teacher's article's live (not retired) items by review status. */
export function itemStatusCounts(articleId: string): { draft: number; approved: number; rejected: number } {
  return read((db) => {
    const rows = db
      .prepare('SELECT status, COUNT(*) AS n FROM Question WHERE articleId = ? AND retired = 0 GROUP BY status')
      .all(articleId) as { status: 'draft' | 'approved' | 'rejected'; n: number }[]
    const counts = { draft: 0, approved: 0, rejected: 0 }
    for (const row of rows) counts[row.status] = row.n
    return counts
  })
}
