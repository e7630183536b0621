/**
 * Reads an Arabic word aloud with the browser's speech synthesis. Client-only and optional: the button
 * appears after hydration and only when the browser has an Arabic voice (`lang` starting with `ar`), so
 * the server and the first client render agree (nothing) and a page without JavaScript shows nothing.
 */
import { useEffect, useState } from 'react'
import { reviewText } from '~/i18n/messages/review'
import { useT } from '~/i18n/use-t'

function arabicVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | null {
  return synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('ar')) ?? null
}

export function SpeakButton({ text }: { text: string }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null)
  const t = useT(reviewText)
  useEffect(() => {
    const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return
    const pick = () => setVoice(arabicVoice(synth))
    pick()
    // Chrome loads its voices asynchronously.
    synth.addEventListener('voiceschanged', pick)
    return () => synth.removeEventListener('voiceschanged', pick)
  }, [])
  if (!voice) return null
  return (
    <button
      type="button"
      className="speak"
      onClick={() => {
        const synth = window.speechSynthesis
        const utterance = new SpeechSynthesisUtterance(text)
        utterance.voice = voice
        utterance.lang = voice.lang
        utterance.rate = 0.85
        synth.cancel()
        synth.speak(utterance)
      }}
    >
      <span aria-hidden="true">🔊 </span>
      {t('listen')}{' '}
      <span className="visually-hidden">
        «<span lang="ar">{text}</span>»
      </span>
    </button>
  )
}
