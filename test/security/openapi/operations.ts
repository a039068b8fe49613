import type { ApiClient } from '../../helpers/api-client.js';
import type { JsonSchema } from './arbitrary.js';

/** One operation of the OpenAPI document, keyed like the route registry (`/api/people/:id`). */
export interface Operation {
  method: string;
  url: string;
  body?: JsonSchema;
  /** The query parameters as one object schema (what the route's zod querystring was). */
  query?: JsonSchema;
  /** The schema of each path parameter, by name. */
  params: Record<string, JsonSchema>;
}

/** Reads the app's own OpenAPI document: the zod schemas every route validates with. */
export async function readOperations(client: ApiClient): Promise<Operation[]> {
  const response = await client.get('/api/openapi.json');
  if (response.status !== 200) throw new Error(`openapi.json: ${response.status}`);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(
    response.body.paths as Record<string, Record<string, JsonSchema>>,
  )) {
    for (const [method, op] of Object.entries(methods)) {
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      const body = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const queryParams = ((op.parameters ?? []) as JsonSchema[]).filter((p) => p.in === 'query');
      const query = queryParams.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])),
            required: queryParams.filter((p) => p.required).map((p) => p.name),
          }
        : undefined;
      const params = Object.fromEntries(
        ((op.parameters ?? []) as JsonSchema[])
          .filter((p) => p.in === 'path')
          .map((p) => [p.name as string, (p.schema ?? {}) as JsonSchema]),
      );
      operations.push({ method: method.toUpperCase(), url, body, query, params });
    }
  }
  return operations;
}

/** A query string from arbitrary values: arrays repeat the key (parameter pollution), objects are JSON. */
export function toQueryString(values: unknown): string {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined) continue;
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      parts.push(`${encode(key)}=${encode(text ?? '')}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** encodeURIComponent, with lone surrogates (which it refuses) sent as U+FFFD. */
function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}
