/** Route config (Remix `v3_routeConfig`): file-system routes from app/routes/ by the flat-routes convention. */
import type { RouteConfig } from '@remix-run/route-config'
import { flatRoutes } from '@remix-run/fs-routes'

export default flatRoutes() satisfies RouteConfig
