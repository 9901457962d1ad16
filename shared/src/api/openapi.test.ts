import { readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredFunctions } from '../../../scripts/serverless/declared-functions';
import { renderOpenApi } from '../../../scripts/write-openapi';
import { LOCAL_ROUTES } from './local-routes';
import { buildOpenApiDocument } from './openapi';
import { ROUTES, type RouteSpec } from './routes';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The HTTP routes of serverless.yml's functions: those of every stage, or those only `stage` has. */
function serverlessRoutes(stage?: string): { operationId: string; route: string }[] {
  return declaredFunctions()
    .filter((fn) => fn.stage === stage)
    .flatMap((fn) =>
      (fn.events ?? []).flatMap((event) =>
        event.httpApi ? [{ operationId: fn.name, route: `${event.httpApi.method.toLowerCase()} ${event.httpApi.path}` }] : [],
      ),
    );
}

const byRoute = (a: { route: string }, b: { route: string }) => a.route.localeCompare(b.route);
const listed = (routes: RouteSpec[]) => routes.map((r) => ({ operationId: r.operationId, route: `${r.method} ${r.path}` })).sort(byRoute);

describe('OpenAPI document', () => {
  it('is committed exactly as generated (run `npm run openapi` after changing a route or schema)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8')).toBe(renderOpenApi());
  });

  it('describes exactly the routes serverless.yml deploys, one function per operation', () => {
    expect(serverlessRoutes().sort(byRoute)).toEqual(listed(ROUTES));
  });

  it('leaves out the routes of the local stage alone, which local-routes.ts lists', () => {
    expect(serverlessRoutes('local').sort(byRoute)).toEqual(listed(LOCAL_ROUTES));
    expect(LOCAL_ROUTES.map((r) => r.operationId).sort()).toEqual(['devLogin', 'listDevPersonas']);
    const paths = Object.keys((buildOpenApiDocument() as { paths: object }).paths);
    for (const route of LOCAL_ROUTES) expect(paths).not.toContain(route.path);
  });

  it('is OpenAPI 3.1 with every $ref resolvable and every path parameter declared', () => {
    const doc = buildOpenApiDocument() as any;
    expect(doc.openapi).toBe('3.1.0');
    const text = JSON.stringify(doc);
    for (const [, id] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas).toHaveProperty([id as string]);
    }
    for (const [route, operations] of Object.entries<any>(doc.paths)) {
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values<any>(operations)) {
        const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
        expect(declared.sort()).toEqual(names.sort());
      }
    }
  });

  it('documents the list filters and the error body', () => {
    const doc = buildOpenApiDocument() as any;
    const params = doc.paths['/catalog/items'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['region', 'level', 'type', 'theme', 'keyword', 'limit', 'cursor']));
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message']);
    expect(doc.paths['/catalog/items/{code}'].get.responses['404'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    );
  });
});
