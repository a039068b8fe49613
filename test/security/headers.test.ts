import { expect, it } from 'vitest';
import { describeEngines } from '../helpers/harness.js';

describeEngines('security headers', (h) => {
  it('sets CSP without unsafe-inline scripts, frame-ancestors none, nosniff, no-referrer, no-store on /api', async () => {
    const response = await h.client().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const response = await h.client().get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users']),
    );
  });

  it('answers unknown API routes with the error body', async () => {
    const response = await h.client().get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
