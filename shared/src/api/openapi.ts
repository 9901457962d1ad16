import * as z from 'zod';
import { ROUTES, type RouteSpec } from './routes';
import { SIGNED_REQUEST_DESCRIPTION } from './open-signature-doc';

type JsonObject = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

function schemaRef(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `${COMPONENT_PREFIX}${id}` };
  return inlineSchema(schema);
}

function inlineSchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonObject;
  delete json.$schema;
  return json;
}

function parameters(route: RouteSpec): JsonObject[] {
  const list: JsonObject[] = Object.entries(route.headers ?? {}).map(([name, h]) => ({
    name,
    in: 'header',
    required: h.required,
    description: h.description,
    schema: { type: 'string' },
  }));
  for (const [location, object] of [['path', route.params], ['query', route.query]] as const) {
    if (!object) continue;
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const { description, ...schema } = inlineSchema(field);
      list.push({
        name,
        in: location,
        required: location === 'path' || !field.safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema,
      });
    }
  }
  return list;
}

function operation(route: RouteSpec): JsonObject {
  const responses: JsonObject = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers
        ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) }
        : {}),
      ...(spec.schema ? { content: { 'application/json': { schema: schemaRef(spec.schema) } } } : {}),
    };
  }
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(params.length ? { parameters: params } : {}),
    ...(route.auth ? { security: [{ session: [] }] } : {}),
    ...(route.signed ? { security: [{ signedRequest: [route.signed] }] } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(route.body) } } } } : {}),
    responses,
  };
}

/**
 * Named schemas (those with a meta id) reachable from the routes, as OpenAPI components. Converting
 * one object that holds every route schema makes zod collect exactly those, whatever else happens to
 * be loaded.
 */
function componentSchemas(): Record<string, JsonObject> {
  const used = ROUTES.flatMap((r) => [r.body, ...Object.values(r.responses).map((resp) => resp.schema)]).filter(
    (s): s is z.ZodType => s !== undefined,
  );
  const holder = z.object(Object.fromEntries(used.map((schema, i) => [`s${i}`, schema])));
  const json = z.toJSONSchema(holder, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as {
    $defs?: Record<string, JsonObject>;
  };
  const text = JSON.stringify(json.$defs ?? {}).replaceAll('"#/$defs/', `"${COMPONENT_PREFIX}`);
  const defs = JSON.parse(text) as Record<string, JsonObject>;
  return Object.fromEntries(
    Object.entries(defs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, schema]) => {
        const { $schema: _dialect, $id: _id, id: _metaId, ...rest } = schema;
        return [id, rest];
      }),
  );
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the route list and its zod schemas. */
export function buildOpenApiDocument(): JsonObject {
  const schemas = componentSchemas();
  const paths: Record<string, JsonObject> = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '安徽省文化和旅游厅 政务服务移动端接口',
      version: '1.0.0',
      description: '皖旅政务小程序与省政务服务平台对接使用的 HTTP 接口。错误响应统一为 {code, message}。',
    },
    tags: [...new Set(ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        signedRequest: { type: 'apiKey', in: 'header', name: 'X-Ah-Signature', description: SIGNED_REQUEST_DESCRIPTION },
        session: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: '本服务签发的访问令牌（微信登录 /auth/wechat 或刷新 /auth/refresh 获得，有效期较短）。',
        },
      },
    },
  };
}
