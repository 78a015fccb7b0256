/**
 * Layer boundaries of DESIGN.md, enforced in CI (`npm run check:boundaries`).
 * Each layer lists the internal layers it may import; everything else is forbidden.
 */
const allowed = {
  core: [],
  scan: ['core'],
  policy: ['core', 'scan'],
  crypto: ['core'],
  anonymize: ['core', 'crypto'],
  store: ['core', 'crypto'],
  audit: ['core', 'crypto', 'store'],
  guard: ['core', 'scan', 'policy', 'crypto', 'anonymize', 'audit'],
  privacy: ['core', 'crypto', 'store', 'audit', 'anonymize'],
  config: ['core'],
  app: ['core', 'scan', 'policy', 'crypto', 'anonymize', 'store', 'audit', 'guard', 'privacy', 'config'],
  gateway: ['core', 'scan', 'policy', 'crypto', 'anonymize', 'store', 'audit', 'guard', 'privacy', 'config', 'app'],
  cli: ['core', 'scan', 'policy', 'crypto', 'anonymize', 'store', 'audit', 'guard', 'privacy', 'config', 'app', 'gateway'],
};
const layers = Object.keys(allowed);

/** Layers that must also run in a browser bundle. */
const portable = ['core', 'scan', 'policy', 'crypto', 'anonymize'];
/** Packages only the server side may use. */
const serverPackages = [
  'fastify', '@fastify', 'undici', 'better-sqlite3', 'pg', 'kysely', 'ioredis', 'pino',
  'prom-client', 'rate-limiter-flexible', 'commander', 'dotenv',
];

const layerRules = layers.map((layer) => ({
  name: `layer-${layer}`,
  comment: `${layer} may import only: ${allowed[layer].join(', ') || 'nothing internal'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: `^src/(${layers.filter((l) => l !== layer && !allowed[layer].includes(l)).join('|')})/`,
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'portable-no-node-builtins',
      comment: 'core, scan, policy, crypto and anonymize run in browsers: no node: modules',
      severity: 'error',
      from: { path: `^src/(${portable.join('|')})/`, pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'portable-no-server-packages',
      comment: 'core, scan, policy, crypto and anonymize run in browsers: no server packages',
      severity: 'error',
      from: { path: `^src/(${portable.join('|')})/`, pathNot: '\\.test\\.ts$' },
      to: { path: `node_modules/(${serverPackages.join('|')})(/|$)` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-cli-imports-commander',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: 'node_modules/commander/' },
    },
    {
      name: 'only-gateway-imports-fastify',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/gateway/' },
      to: { path: 'node_modules/(fastify|@fastify)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^dist/' },
  },
};
