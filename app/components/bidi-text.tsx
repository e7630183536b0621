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

// A run starts at a Latin letter or digit (or a sign right before a digit: −0.784, +3) and continues over
// Latin letters, digits and the punctuation that joins them (1/2, 13:30, IRIS-T, 3.5, "dpa and AFP"); it
// ends before any Arabic letter. Brackets stay outside runs so that a pair opened in Arabic text is closed
// in Arabic text. A sign left outside would be drawn on the number's far side in a right-to-left line.
const LTR_RUN =
  /(?:[-+\u2212](?=[0-9\u0660-\u0669]))?(?:[A-Za-z0-9\u0660-\u0669][A-Za-z0-9\u0660-\u0669\u00C0-\u024F.,:/%+\-–'’& ]*[A-Za-z0-9\u0660-\u0669%]|[A-Za-z0-9\u0660-\u0669])/g

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

// Placeholders for BidiMessage's values: private-use characters no message or name contains.
const PLACEHOLDER = /\uE000(\d+)\uE001/

/**
 * Renders an interpolated message with each named value — a display name, a class name, an article title,
 * an option — isolated whole in a `<bdi>`, so a name of either script keeps its own order inside a sentence
 * of the other (BidiText alone isolates only a name's Latin and digit runs, which leaves «الصف 7» reversed
 * in an English sentence). The message's own Latin and digit runs are isolated as BidiText does.
 * @param props.render the message, called with a placeholder for each value.
 * @param props.values the values by parameter name.
 * @param props.langs the language of values that are content (e.g. `{ title: 'ar' }`), set on their `<bdi>`.
 * @example <BidiMessage render={(v) => t('class_title', { name: v.name })} values={{ name: classroom.name }} />
 */
export function BidiMessage<K extends string>({
  render,
  values,
  langs = {},
}: {
  render: (placeholders: Record<K, string>) => string
  values: Record<K, string>
  langs?: Partial<Record<K, 'ar' | 'en'>>
}) {
  const keys = Object.keys(values) as K[]
  const placeholders = Object.fromEntries(keys.map((k, i) => [k, `\uE000${i}\uE001`])) as Record<K, string>
  // split() with a capturing group: even indices are the message's text, odd ones a value's index.
  const parts = render(placeholders).split(PLACEHOLDER)
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return <BidiText key={i} text={part} />
        const key = keys[Number(part)]!
        return (
          <bdi key={i} lang={langs[key]}>
            {values[key]}
          </bdi>
        )
      })}
    </>
  )
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
