// The layer rules, checked by `npm run lint:deps` (dependency-cruiser) in CI. CONTRIBUTING.md
// explains them; test/foundation/layers.test.ts plants a violation of each and sees it refused.
//
// Domains are the folders under server/ other than the infrastructure ones below. A domain may
// use another only through its <domain>.public.ts (and everyone may use server/auth/access.ts,
// the access rules every service applies). Infrastructure (server/*.ts, db, geo, http, plugins,
// demo, jobs, cli) is shared by all; it reaches a domain through its public module too, except
// the composition roots that gather each domain's entry files.
const INFRA = '^server/(db|geo|http|plugins|demo|jobs|cli)/|^server/[^/]+\\.ts$'
const ENTRY = '\\.(routes|plugin|demo|jobs|cli|tables)\\.ts$'
const PUBLIC = ['\\.public\\.ts$', '^server/auth/access\\.ts$']

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'routes-no-repositories',
      comment: 'Routes are HTTP only: they call services, which call repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$' }
    },
    {
      name: 'routes-no-kysely',
      comment: 'Routes build no queries: SQL lives in repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '(^|/)node_modules/kysely/' }
    },
    {
      name: 'domain-through-public-module',
      comment: 'A domain uses another domain only through its <domain>.public.ts.',
      severity: 'error',
      from: { path: '^server/([^/]+)/', pathNot: INFRA },
      to: { path: '^server/([^/]+)/', pathNot: ['^server/$1/', INFRA, ...PUBLIC] }
    },
    {
      name: 'infrastructure-through-public-module',
      comment: 'Infrastructure reaches a domain through its public module, or (composition roots) its entry files.',
      severity: 'error',
      from: { path: INFRA },
      to: { path: '^server/[^/]+/', pathNot: [INFRA, ENTRY, ...PUBLIC] }
    },
    {
      name: 'entry-files-from-composition-roots',
      comment: 'Routes, plugins, demo steps, jobs, CLI commands and table types are gathered by app.ts, demo/steps.ts, jobs/index.ts, cli/import.ts and db/types.ts.',
      severity: 'error',
      from: { path: INFRA, pathNot: '^server/(app|server)\\.ts$|^server/demo/steps\\.ts$|^server/jobs/index\\.ts$|^server/cli/import\\.ts$|^server/db/types\\.ts$' },
      to: { path: '^server/([^/]+)/[^/]+' + ENTRY, pathNot: INFRA }
    },
    {
      name: 'database-plugin-knows-no-domain',
      comment: 'The database plugin connects and migrates; demo seeding is its own plugin, after the domains.',
      severity: 'error',
      from: { path: '^server/plugins/db\\.ts$' },
      to: { path: '^server/(demo|[^/]+/[^/]+\\.(demo|service|repository)\\.ts$)' }
    },
    {
      name: 'migrations-import-no-app-code',
      comment: 'Migrations are frozen once landed: app code they imported could change under them.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(server|shared|client|bench|test)/' }
    },
    {
      name: 'leaflet-only-in-the-map-module',
      comment: 'Only client/src/map/ and the domains\' mapLayers.ts import Leaflet (its stylesheet may load with the app).',
      severity: 'error',
      from: { path: '^client/src/', pathNot: '^client/src/map/|^client/src/domains/[^/]+/mapLayers\\.ts$' },
      to: { path: '(^|/)node_modules/(leaflet|@types/leaflet)/', pathNot: '\\.css$' }
    },
    {
      name: 'shared-is-shared',
      comment: 'shared/ is used by server and client alike, so it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' }
    },
    {
      name: 'client-imports-no-server-code',
      comment: 'The browser bundle takes types and pure functions from shared/, never from server/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '^(dist|data)/' }
  }
}
