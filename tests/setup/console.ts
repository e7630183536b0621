/** An unexpected console.error fails the test (epic-stack's habit): errors must be asserted, not printed. */
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest'

let consoleError: MockInstance<typeof console.error>

beforeEach(() => {
  const original = console.error
  consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    original(...args)
    throw new Error('console.error was called; mock it in the test if it is expected')
  })
})

afterEach(() => {
  consoleError.mockRestore()
})
