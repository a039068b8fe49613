import { AppError } from '../../../server/errors.js';
import type { RouteApp } from '../../../server/http/types.js';
import { RegistryPermissions } from '../registry.policy.js';
import {
  ImportPeopleBody,
  ImportPeopleQuery,
  ImportReportResponse,
  MAX_API_ROWS,
  MAX_CSV_BYTES,
} from './import.schema.js';
import { importPeople } from './import.service.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * POST /api/people/import: CSV as JSON `{csv, mapping, dryRun, validOnly}` (what the web page
 * sends) or as a raw `text/csv` body with `?dryRun=true&validOnly=true` (what a script sends with
 * curl --data-binary). Synchronous: the answer is the full report, for up to 10,000 rows.
 */
export async function importRoutes(app: RouteApp): Promise<void> {
  // Registered inside this plugin, so only this route reads text/csv; multipart is not installed.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES },
    (_request, body: Buffer, done) => {
      try {
        done(null, { csv: utf8.decode(body) });
      } catch {
        done(AppError.validation('csv', 'is not UTF-8 text: in a spreadsheet, save it as "CSV UTF-8"'));
      }
    },
  );

  app.post(
    '/api/people/import',
    {
      config: { permission: RegistryPermissions['people.import'] },
      schema: {
        tags: ['people'],
        querystring: ImportPeopleQuery,
        body: ImportPeopleBody,
        response: { 200: ImportReportResponse },
      },
    },
    async (request) => {
      const { csv, mapping, delimiter, ...flags } = request.body;
      return importPeople(request.serviceContext(), csv, {
        mapping,
        delimiter,
        dryRun: flags.dryRun ?? request.query.dryRun ?? false,
        validOnly: flags.validOnly ?? request.query.validOnly ?? false,
        maxRows: MAX_API_ROWS,
      });
    },
  );
}
