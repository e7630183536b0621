/**
 * Vocabulary as a tab-separated text file Anki imports (Anki manual, "Importing → Text Files", its "File
 * Headers" section, Anki 2.1.54+): `#key:value` header lines first — `#separator:tab`, `#html:false`,
 * `#notetype:Basic`, `#deck:<name>`, `#columns:<names separated by the separator>`, `#tags column:<n>` —
 * then one note a line.
 *
 * Columns: `Arabic` (the term as it stands in the article; the Basic note's Front), `English` (the Back: the
 * gloss, then on a second line the dictionary form with its root, then the article sentence the term came
 * from, so Basic's two fields carry everything and nothing is left unmapped on import), `Tags`
 * (space-separated: `fahm` and the article key; spaces inside one tag become `_`, as Anki splits tags at
 * spaces).
 *
 * Fields are written by csv-stringify with a tab delimiter: a field holding a tab, a line break or a double
 * quote is quoted and its quotes doubled — the quoting Anki's importer reads ("Escape the characters by
 * placing the contents of the field in quotation marks") — so a stray tab or line break in an item never
 * splits a note; a field starting with `#` is quoted too, so no note reads as a comment line. With
 * `#html:false` Anki keeps `<`, `>` and `&` as text. The file is UTF-8 without a byte order mark.
 */
import { stringify } from 'csv-stringify/sync'
import type { BankVocabulary } from '../schema'

/** The column names of the file, in order (the `#columns` header). */
export const ANKI_COLUMNS = ['Arabic', 'English', 'Tags'] as const

/** The Back of a note: gloss, dictionary form (with its root when known), the article sentence; one per line. */
export function ankiBack(v: BankVocabulary): string {
  return [v.gloss_en, v.root ? `${v.lemma} (${v.root})` : v.lemma, v.evidence.text].join('\n')
}

/** A tag usable by Anki: whitespace runs become `_` (Anki separates tags with spaces). */
export function ankiTag(s: string): string {
  return s.trim().replace(/\s+/g, '_')
}

/**
 * Vocabulary items as an Anki import file (see the module header).
 * @param vocabulary the items, in the order the notes should appear.
 * @param options.deck the deck name Anki presets (e.g. `Fahm::<article title>`; `::` makes a subdeck);
 *   line breaks become spaces since a header is one line.
 * @param options.tags tags added to every note (e.g. the article key).
 * @returns the file's text, header lines then one line (or quoted multi-line record) per item.
 */
export function vocabularyToAnkiTsv(
  vocabulary: readonly BankVocabulary[],
  options: { deck: string; tags: readonly string[] },
): string {
  const tags = ['fahm', ...options.tags].map(ankiTag).filter(Boolean).join(' ')
  const header = [
    '#separator:tab',
    '#html:false',
    '#notetype:Basic',
    `#deck:${options.deck.replace(/\s*[\r\n]+\s*/g, ' ')}`,
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
  ].join('\n')
  const rows = vocabulary.map((v) => [v.surface, ankiBack(v), tags])
  const body = stringify(rows, { delimiter: '\t', record_delimiter: '\n', quoted_match: [/[\t\n\r"]/, /^#/] })
  return `${header}\n${body}`
}
