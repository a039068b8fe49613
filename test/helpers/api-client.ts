import type { App } from '../../src/server/app.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
  cookies: Array<{ name: string; value: string; [key: string]: unknown }>;
}

/** In-process requests (Fastify inject), the way Fastify and Hono test their apps. */
export class ApiClient {
  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = {},
  ) {}

  with(headers: Record<string, string>): ApiClient {
    return new ApiClient(this.app, { ...this.headers, ...headers });
  }

  async request<T = any>(method: string, url: string, payload?: unknown): Promise<ApiResponse<T>> {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: { ...this.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    let body: unknown = response.body;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      // not JSON (HTML, CSV, PDF)
    }
    return {
      status: response.statusCode,
      body: body as T,
      headers: response.headers,
      raw: response.body,
      cookies: response.cookies as ApiResponse['cookies'],
    };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, payload: unknown = {}) {
    return this.request<T>('POST', url, payload);
  }
  put<T = any>(url: string, payload: unknown = {}) {
    return this.request<T>('PUT', url, payload);
  }
  patch<T = any>(url: string, payload: unknown = {}) {
    return this.request<T>('PATCH', url, payload);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}
