/**
 * Stable identifiers for generator output.
 *
 * An item id is a hash of what the item *is* (article key, skill, type, normalised evidence sentence,
 * normalised key), never of offsets or positions, so that an item whose fact did not change keeps its id
 * across generator versions and a re-seed never orphans a learner's progress.
 */
import { createHash } from 'node:crypto'

/**
 * SHA-256 of the parts joined by U+001F, as lowercase hex (64 characters).
 * @example stableHash('a', 'b') === stableHash('a', 'b') // true, on every run and machine
 */
export function stableHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f'), 'utf8').digest('hex')
}

/**
 * Id of a bank item: `<prefix>_<16 hex>`.
 * @param prefix `q` for questions, `v` for vocabulary.
 */
export function itemId(prefix: 'q' | 'v', ...parts: string[]): string {
  return `${prefix}_${stableHash(...parts).slice(0, 16)}`
}

/**
 * FNV-1a 32-bit hash of the parts (over UTF-16 code units), for deterministic orderings on hot paths
 * (option shuffles, distractor tie-breaks) where SHA-256 is needlessly slow. Not for ids.
 * @returns an unsigned 32-bit integer.
 */
export function fastHash(...parts: string[]): number {
  let h = 0x811c9dc5
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      h ^= p.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= 0x1f
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
