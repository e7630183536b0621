/**
 * A hidden `timeZone` field that the browser fills in with its IANA time zone after hydration, so the
 * server learns the learner's zone from any form post. Without JavaScript it stays empty and the server
 * keeps what it has (UTC until told otherwise). The server validates the value with Intl.
 *
 * The value is React state, not a DOM write: for a hidden input `defaultValue` is the value attribute,
 * so React would put an empty default back on the next render.
 */
import { useEffect, useState } from 'react'

export function TimeZoneField() {
  const [zone, setZone] = useState('')
  useEffect(() => {
    try {
      setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? '')
    } catch {
      // An old browser without resolvedOptions().timeZone: the field stays empty.
    }
  }, [])
  return <input type="hidden" name="timeZone" value={zone} />
}
