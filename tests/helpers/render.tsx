/**
 * Server-renders route components to HTML for tests, without the Vite build: react-router's static
 * handler runs the loaders, and a minimal Remix context lets `@remix-run/react`'s Link, Form and hooks
 * work. The root route is the app's own root loader with a bare `<Outlet />` (the document shell's
 * `<Meta>`, `<Links>` and `<Scripts>` need the build's asset manifest).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, UNSAFE_RemixContext } from '@remix-run/react'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { loader as rootLoader } from '~/root'

/** One page route under the root: its id, path, loader and component. */
export interface PageRoute {
  id: string
  path?: string
  index?: boolean
  loader?: (args: LoaderFunctionArgs) => unknown
  action?: (args: LoaderFunctionArgs) => unknown
  Component: ComponentType
}

/**
 * Renders the page a request reaches: a GET runs the loaders; a POST runs the route's action first and
 * renders its `useActionData` (e.g. a 400 with field errors).
 * @returns the HTML of the page component (inside the root's Outlet).
 * @throws Error when the loaders answer with a redirect or an error response.
 */
export async function renderPage(route: PageRoute, request: Request): Promise<string> {
  const routes = [
    {
      id: 'root',
      path: '/',
      loader: (args: LoaderFunctionArgs) => rootLoader(args),
      Component: () => <Outlet />,
      children: [
        {
          id: route.id,
          path: route.path,
          index: route.index,
          loader: route.loader ? (args: LoaderFunctionArgs) => route.loader!(args) : undefined,
          action: route.action ? (args: LoaderFunctionArgs) => route.action!(args) : undefined,
          Component: route.Component,
        },
      ],
    },
  ] as Parameters<typeof createStaticHandler>[0]
  const handler = createStaticHandler(routes)
  const context = await handler.query(request)
  if (context instanceof Response) throw new Error(`loader answered ${context.status} ${context.headers.get('Location') ?? ''}`)
  if (context.errors) throw new Error(`loader threw: ${JSON.stringify(context.errors)}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  const remix = {
    manifest: { routes: {}, entry: { imports: [], module: '' }, url: '', version: 'test' },
    routeModules: {},
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as React.ContextType<typeof UNSAFE_RemixContext>
  return renderToString(
    <UNSAFE_RemixContext.Provider value={remix}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </UNSAFE_RemixContext.Provider>,
  )
}
