/**
 * Paths the API answers itself (GraphQL, health, metrics, reports, calendar feeds, sessions)
 * or the web server uses (assets, the language switch): no page may live under them.
 */
export const RESERVED_PATHS = ['/graphql', '/health', '/metrics', '/reports/', '/exchanges/', '/calendar/', '/session/', '/assets/', '/lang/'];
