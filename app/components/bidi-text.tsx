/**
 * Isolates Latin and digit runs inside Arabic text with `<bdi>`, so that «صاروخ IRIS-T» or «9/12» keep
 * their order in a right-to-left line.
 */
import { Fragment } from 'react'

/** A run of text and whether it needs isolating (it starts with a Latin letter or a digit). */
export interface BidiRun {
  text: string
  isolate: boolean
}

// A run starts at a Latin letter or digit and continues over Latin letters, digits and the punctuation
// that joins them (1/2, 13:30, IRIS-T, 3.5, "dpa and AFP"); it ends before any Arabic letter. Brackets
// stay outside runs so that a pair opened in Arabic text is closed in Arabic text.
const LTR_RUN = /[A-Za-z0-9\u0660-\u0669][A-Za-z0-9\u0660-\u0669\u00C0-\u024F.,:/%+\-–'’& ]*[A-Za-z0-9\u0660-\u0669%]|[A-Za-z0-9\u0660-\u0669]/g

/**
 * Splits text into runs to isolate and runs to leave as they are.
 * @returns runs whose concatenation is `text`.
 * @example splitBidiRuns('النتيجة 9/12') // [{ text: 'النتيجة ', isolate: false }, { text: '9/12', isolate: true }]
 */
export function splitBidiRuns(text: string): BidiRun[] {
  const runs: BidiRun[] = []
  let at = 0
  for (const match of text.matchAll(LTR_RUN)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), isolate: false })
    runs.push({ text: match[0], isolate: true })
    at = match.index + match[0].length
  }
  if (at < text.length) runs.push({ text: text.slice(at), isolate: false })
  return runs
}

/** Renders text with its Latin and digit runs wrapped in `<bdi>`. */
export function BidiText({ text }: { text: string }) {
  return (
    <>
      {splitBidiRuns(text).map((run, i) =>
        run.isolate ? <bdi key={i}>{run.text}</bdi> : <Fragment key={i}>{run.text}</Fragment>,
      )}
    </>
  )
}
