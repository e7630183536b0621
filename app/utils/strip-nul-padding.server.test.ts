import { PassThrough } from 'node:stream'
import { text } from 'node:stream/consumers'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { REACT_VIEW_SIZE, createNulPaddingStripper, stripNulPadding } from './strip-nul-padding.server'

describe('stripNulPadding', () => {
  it('removes up to three trailing zero bytes of a full buffer only', () => {
    const full = new Uint8Array(REACT_VIEW_SIZE).fill(65)
    full.set([0, 0], REACT_VIEW_SIZE - 2)
    expect(stripNulPadding(full)).toHaveLength(REACT_VIEW_SIZE - 2)
    const short = new Uint8Array([65, 0])
    expect(stripNulPadding(short)).toBe(short)
  })

  it('gives NUL-free Arabic HTML from renderToPipeableStream', async () => {
    // Many short Arabic strings so that buffer splits fall inside two-byte characters.
    const paragraphs = Array.from({ length: 400 }, (_, i) =>
      createElement('span', { key: i }, `الرئيس ${'ب'.repeat(i % 7)} يستقبل`),
    )
    const html = await new Promise<string>((resolve, reject) => {
      const { pipe } = renderToPipeableStream(createElement('p', null, paragraphs), {
        onAllReady() {
          const out = new PassThrough()
          text(out).then(resolve, reject)
          pipe(createNulPaddingStripper()).pipe(out)
        },
        onShellError: reject,
      })
    })
    expect(html).not.toContain('\u0000')
    expect(html.match(/الرئيس/g)).toHaveLength(400)
  })
})
