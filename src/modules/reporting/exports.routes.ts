import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { enqueueJob, registerJobHandler } from '../../server/jobs/jobs.service.js';
import { exportAggregate } from './exports/aggregate-exports.service.js';
import {
  AggregateExportParams,
  AggregateExportQuery,
  PersonalExportBody,
  PersonalExportResponse,
} from './exports/exports.schema.js';
import {
  createPersonalExport,
  downloadPersonalExport,
  purgeExpired,
} from './exports/personal-exports.service.js';
import { CONTENT_TYPES } from './exports/render.js';
import { ReportingPermissions } from './reporting.policy.js';

export const PURGE_EXPORTS_JOB = 'reporting.purge_exports';

/** Aggregate files for coordination; personal-data files behind a fresh second factor. */
export async function exportsRoutes(app: RouteApp): Promise<void> {
  const tags = ['reporting'];
  // The process that makes personal exports also deletes them when they expire (as the matching
  // routes register the runs they queue); every export request purges expired files too.
  registerJobHandler(PURGE_EXPORTS_JOB, async () => ({
    purged: await purgeExpired(app.deps.db, app.deps.now()),
  }));

  app.get(
    '/api/exports/:dataset',
    {
      config: { permission: ReportingPermissions['exports.aggregate'] },
      schema: { tags, params: AggregateExportParams, querystring: AggregateExportQuery },
    },
    async (request, reply) => {
      const file = await exportAggregate(request.serviceContext(), request.params.dataset, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.post(
    '/api/exports/personal',
    {
      config: { permission: ReportingPermissions['exports.personal'] },
      schema: { tags, body: PersonalExportBody, response: { 201: PersonalExportResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const created = await createPersonalExport(ctx, request.body);
      await enqueueJob(
        ctx.db,
        {
          kind: PURGE_EXPORTS_JOB,
          runAt: new Date(created.expiresAt),
          uniqueKey: `${PURGE_EXPORTS_JOB}:${created.id}`,
        },
        ctx.now(),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/exports/personal/:id',
    { config: { permission: ReportingPermissions['exports.personal'] }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const file = await downloadPersonalExport(request.serviceContext(), request.params.id);
      return reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
