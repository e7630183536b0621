/**
 * Works around a React 18.3 streaming bug: when a string does not fit the renderer's 2048-byte buffer and
 * the split falls inside a multi-byte UTF-8 character, `renderToPipeableStream` sends the whole buffer,
 * including the 1–3 unused zero bytes at its end (facebook/react#26228, fixed in React 19, never
 * back-ported; see facebook/react#31134). Arabic text is all multi-byte, so every long page was hit:
 * «الرئ\0يس». Zero bytes never occur in valid HTML output, and the bug only leaves them at the end of a
 * full buffer, so only trailing zero bytes of a 2048-byte chunk are removed.
 */
import { Transform, type TransformCallback } from 'node:stream'

/** React's streaming buffer size (`VIEW_SIZE` in react-dom-server.node). */
export const REACT_VIEW_SIZE = 2048

/**
 * Removes the zero-byte padding React 18 may leave at the end of a full buffer.
 * @param chunk one chunk written by `renderToPipeableStream`.
 * @returns the chunk without its trailing zero bytes (at most 3, only when the chunk is a full buffer).
 */
export function stripNulPadding(chunk: Uint8Array): Uint8Array {
  if (chunk.length !== REACT_VIEW_SIZE) return chunk
  let end = chunk.length
  while (end > chunk.length - 3 && chunk[end - 1] === 0) end--
  return end === chunk.length ? chunk : chunk.subarray(0, end)
}

/** A pass-through stream applying {@link stripNulPadding} to every chunk. */
export function createNulPaddingStripper(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      callback(null, stripNulPadding(chunk))
    },
  })
}
