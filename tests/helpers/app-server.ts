/**
 * The whole app over HTTP for tests: Vite loads the real Remix server build (every route, `root.tsx`,
 * `entry.server.tsx`) from source, as `remix vite:dev` does, and the production server's app
 * (`server/app.ts`) serves it on a port the system picks, in Remix's production mode (no error details).
 * The build's modules open their own Prisma client on the test file's database copy (DATABASE_URL).
 * Loading takes a few seconds: use it once per test file.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import { createServer } from 'vite'
import { createApp, createRemixHandler } from '../../server/app'

export interface AppServer {
  /** `http://127.0.0.1:<port>` */
  base: string
  /** The server's log lines so far. */
  logs: string[]
  close(): Promise<void>
}

/** Starts the app (see the module header). */
export async function startAppServer(): Promise<AppServer> {
  const vite = await createServer({
    configFile: path.resolve('vite.config.ts'),
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    logLevel: 'error',
  })
  const build = (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
  const logs: string[] = []
  const app = createApp({ handler: createRemixHandler(build, 'production'), log: (line) => logs.push(line) })
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const closeDatabase = (build.entry.module as { closeDatabase?: () => Promise<void> }).closeDatabase
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await closeDatabase?.()
      await vite.close()
    },
  }
}

/** A browser-like client: keeps the session cookie, sends same-origin headers on posts, never follows redirects. */
export class Browser {
  cookie = ''
  constructor(private base: string) {}

  async get(path: string): Promise<Response> {
    return this.keep(await fetch(this.base + path, { redirect: 'manual', headers: this.cookie ? { Cookie: this.cookie } : {} }))
  }

  async post(path: string, fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: this.base,
        'Sec-Fetch-Site': 'same-origin',
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
    })
    return this.keep(res)
  }

  private keep(res: Response): Response {
    const set = res.headers.get('Set-Cookie')
    if (set) this.cookie = set.split(';')[0]!
    return res
  }
}
