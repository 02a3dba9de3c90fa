import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../domain/errors/planning-error.js';

const require = createRequire(import.meta.url);

/**
 * GraphiQL with no internet: the same GraphiQL 3 build Nest's `graphiql: true` would pull from unpkg, served from
 * node_modules together with React's UMD builds.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript; charset=utf-8' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript; charset=utf-8' },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'application/javascript; charset=utf-8',
  },
};

/** The UMD files are not in the packages' `exports`, so resolve the package root and read the file from there. */
function readAsset(pkg: string, file: string): Buffer {
  return readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>EKS Network Planner · GraphiQL</title>
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="/graphiql/assets/react.production.min.js"></script>
    <script src="/graphiql/assets/react-dom.production.min.js"></script>
    <script src="/graphiql/assets/graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
      const defaultQuery = '# EKS Network Planner\\n{\\n  catalogs { name instanceTypeCount readOnly }\\n}\\n';
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
      );
    </script>
  </body>
</html>`;

export function registerGraphiql(fastify: FastifyInstance): void {
  const assets = new Map(Object.entries(ASSETS).map(([name, { pkg, file, type }]) => [name, { body: readAsset(pkg, file), type }]));
  fastify.get('/graphiql', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get<{ Params: { asset: string } }>('/graphiql/assets/:asset', (request, reply) => {
    const asset = assets.get(request.params.asset);
    if (!asset) throw new NotFoundError('NOT_FOUND', 'No such asset.');
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(asset.body);
  });
}
