/**
 * A hidden `timeZone` field that the browser fills in with its IANA time zone after hydration, so the
 * server learns the learner's zone from any form post. Without JavaScript it stays empty and the server
 * keeps what it has (UTC until told otherwise). The server validates the value with Intl.
 */
import { useEffect, useRef } from 'react'

export function TimeZoneField() {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
      if (ref.current && zone) ref.current.value = zone
    } catch {
      // An old browser without resolvedOptions().timeZone: the field stays empty.
    }
  }, [])
  return <input ref={ref} type="hidden" name="timeZone" defaultValue="" />
}
