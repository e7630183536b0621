/**
 * `/healthz` — a resource route answering `ok` without touching the database: for a load balancer's
 * liveness probe, and the ceiling `npm run bench:load` compares the quiz page with (the same server and
 * Remix pipeline, no loader work, no rendering).
 */
export function loader() {
  return new Response('ok\n', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  })
}
