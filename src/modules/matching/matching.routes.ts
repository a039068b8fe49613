import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { registerDedupeJob } from './dedupe-run.service.js';
import { decideDuplicate, getDuplicate, listDuplicates, unmergeDuplicate } from './duplicates.service.js';
import { MatchingPermissions } from './matching.policy.js';
import {
  DecisionBody,
  DuplicatesPage,
  DuplicatesQuery,
  MatchingSearchBody,
  MatchingSearchResponse,
  PairDetailResponse,
  RunParams,
  RunResponse,
  StartRunBody,
  UnmergeBody,
} from './matching.schema.js';
import { searchMatches } from './matching.service.js';
import { getRun, latestRun, startRun } from './runs.service.js';

type Cursor = { p: number; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Cursor).p === 'number' &&
  typeof (v as Cursor).i === 'string';

/** Matching: the incremental search, whole-registry runs, and the duplicate review queue. */
export async function matchingRoutes(app: RouteApp): Promise<void> {
  // The process that accepts runs can run them (see registerDedupeJob).
  registerDedupeJob(app.deps);
  const tags = ['matching'];
  const review = { permission: MatchingPermissions['duplicates.review'] };
  const run = { permission: MatchingPermissions['matching.run'] };

  app.post(
    '/api/matching/search',
    {
      config: { permission: MatchingPermissions['matching.search'] },
      schema: { tags, body: MatchingSearchBody, response: { 200: MatchingSearchResponse } },
    },
    async (request) => searchMatches(request.serviceContext(), request.body),
  );

  app.post(
    '/api/matching/runs',
    { config: run, schema: { tags, body: StartRunBody, response: { 200: RunResponse, 202: RunResponse } } },
    async (request, reply) => {
      const { run: started, created } = await startRun(request.serviceContext());
      return reply.status(created ? 202 : 200).send(started);
    },
  );

  app.get(
    '/api/matching/runs/latest',
    { config: run, schema: { tags, response: { 200: z.object({ run: RunResponse.nullable() }) } } },
    async (request) => latestRun(request.serviceContext()),
  );

  app.get(
    '/api/matching/runs/:id',
    { config: run, schema: { tags, params: RunParams, response: { 200: RunResponse } } },
    async (request) => getRun(request.serviceContext(), request.params.id),
  );

  app.get(
    '/api/duplicates',
    { config: review, schema: { tags, querystring: DuplicatesQuery, response: { 200: DuplicatesPage } } },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, isCursor);
      const { items, next } = await listDuplicates(request.serviceContext(), filter, after, limit);
      return { items, nextCursor: next ? encodeCursor(next) : null };
    },
  );

  app.get(
    '/api/duplicates/:id',
    { config: review, schema: { tags, params: IdParams, response: { 200: PairDetailResponse } } },
    async (request) => getDuplicate(request.serviceContext(), request.params.id),
  );

  app.post(
    '/api/duplicates/:id/decision',
    {
      config: review,
      schema: { tags, params: IdParams, body: DecisionBody, response: { 200: PairDetailResponse } },
    },
    async (request) => decideDuplicate(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/api/duplicates/:id/unmerge',
    {
      config: review,
      schema: { tags, params: IdParams, body: UnmergeBody, response: { 200: PairDetailResponse } },
    },
    async (request) => unmergeDuplicate(request.serviceContext(), request.params.id),
  );
}
