/**
 * Form pieces shared by the teacher and join pages: a labelled input wired to its error with
 * `aria-invalid` / `aria-describedby`, and the error summary (focused when it appears). The forms using
 * them are `noValidate` (decision 004): the server's bilingual message is the one users see, not the
 * browser's bubble.
 */
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react'
import type { BilingualMessage } from '~/models/errors'
import { Bilingual } from './bilingual'

export function FormField({
  name,
  label,
  hint,
  error,
  ...input
}: {
  name: string
  label: ReactNode
  hint?: ReactNode
  error?: BilingualMessage | undefined
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          <Bilingual message={error} />
        </p>
      ) : null}
    </div>
  )
}

/** The errors of a rejected form, announced and focused; each line links to its field (`#field-<name>`). */
export function FormErrorSummary({
  summary,
  lines,
}: {
  summary: BilingualMessage
  lines: { field: string | null; message: BilingualMessage }[]
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [lines])
  return (
    <div className="form-errors" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>
          <Bilingual message={summary} />
        </strong>
      </p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            {line.field ? (
              <a href={`#field-${line.field}`}>
                <Bilingual message={line.message} />
              </a>
            ) : (
              <Bilingual message={line.message} />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
