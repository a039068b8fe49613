import type { z } from 'zod';
import {
  decryptBytes,
  encryptBytes,
  generateDataKey,
  randomId,
  unwrapDataKey,
  wrapDataKey,
} from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import { openIdentities } from '../../registry/people-read.js';
import type { PeopleTable } from '../../registry/registry.tables.js';
import { mayExportPersonal, PERSONAL_EXPORT_MINUTES } from '../reporting.policy.js';
import type { PersonalExportBody } from './exports.schema.js';
import { requireFreshSecondFactor } from './fresh-factor.js';
import {
  countDownload,
  findCaseDueWork,
  findCaseloadRows,
  findConvoyPassengers,
  findExportFileOfUser,
  insertExportFile,
  purgeExpiredExports,
} from './personal.repository.js';
import { renderTable } from './render.js';
import type { ExportTable } from './table.js';

type Body = z.infer<typeof PersonalExportBody>;
const contentAad = (id: string) => `export_files|${id}|content`;

function fullName(identity: { givenName?: string; familyName?: string | null } | null | undefined): string {
  if (!identity) return '(erased)';
  return [identity.givenName, identity.familyName].filter(Boolean).join(' ');
}

/** A caseworker's own open cases, or a case supervisor's organisation's, with names and due work. */
async function caseloadTable(trx: Executor, ctx: ServiceContext): Promise<ExportTable> {
  const whole = ctx.actor.roles.includes('case_supervisor') ? 'organisation' : 'assigned';
  const rows = await findCaseloadRows(trx, ctx.actor, whole);
  const [identities, due] = await Promise.all([
    openIdentities(trx, ctx.keys, rows as unknown as PeopleTable[]),
    findCaseDueWork(
      trx,
      rows.map((r) => r.case_id),
    ),
  ]);
  return {
    columns: [
      { header: 'Card code', hxl: '#beneficiary+code' },
      { header: 'Name', hxl: '#beneficiary+name' },
      { header: 'Case type', hxl: '#subsector+code' },
      { header: 'Risk', hxl: '#severity' },
      { header: 'Status', hxl: '#status' },
      { header: 'Opened on', hxl: '#date+opened' },
      { header: 'Next due', hxl: '#date+due' },
      { header: 'Overdue items', hxl: '#indicator+num+overdue' },
    ],
    rows: rows.map((r) => [
      r.code,
      fullName(identities.get(r.id)),
      r.case_type,
      r.case_risk,
      r.case_status,
      r.case_opened_at.slice(0, 10),
      due.get(r.case_id)?.nextDue?.slice(0, 10) ?? '',
      due.get(r.case_id)?.overdue ?? 0,
    ]),
  };
}

/** The driver's list: card code and name to check boarding, the group and the destination. */
async function convoyTable(trx: Executor, ctx: ServiceContext, convoyId: string): Promise<ExportTable> {
  const found = await findConvoyPassengers(trx, ctx.actor.orgId ?? '', convoyId);
  if (!found) throw AppError.notFound('convoy');
  const identities = await openIdentities(trx, ctx.keys, found.passengers as unknown as PeopleTable[]);
  const groups = [...new Set(found.passengers.map((p) => p.relocation_id))];
  return {
    columns: [
      { header: 'Card code', hxl: '#beneficiary+code' },
      { header: 'Name', hxl: '#beneficiary+name' },
      { header: 'Group', hxl: '#group+num' },
      { header: 'Destination', hxl: '#loc+name+destination' },
      { header: 'Departs on', hxl: '#date+departure' },
    ],
    rows: found.passengers.map((p) => [
      p.code,
      fullName(identities.get(p.id)),
      groups.indexOf(p.relocation_id) + 1,
      p.destination,
      found.convoy.departs_on,
    ]),
  };
}

/**
 * Makes a file of personal data for the signed-in user: checks the dataset is theirs to take and
 * a fresh authenticator code, writes a watermark (who, when, which export), encrypts the file under
 * its own key, and audits the export with its row count — all before anything can be downloaded.
 * The file can be fetched for PERSONAL_EXPORT_MINUTES; then its bytes and key are deleted.
 */
export async function createPersonalExport(ctx: ServiceContext, body: Body) {
  if (!mayExportPersonal(ctx.actor, body.dataset))
    throw new AppError('forbidden', `Your role does not allow exporting ${body.dataset} lists.`);
  if (body.dataset === 'convoy' && !body.convoyId)
    throw AppError.validation('convoyId', 'Required for a convoy list');
  const user = await requireFreshSecondFactor(ctx, body.totp);
  const now = ctx.now();
  const id = randomId();
  const expiresAt = new Date(now.getTime() + PERSONAL_EXPORT_MINUTES * 60_000).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await purgeExpiredExports(trx, now.toISOString());
    const table =
      body.dataset === 'caseload'
        ? await caseloadTable(trx, ctx)
        : await convoyTable(trx, ctx, body.convoyId ?? '');
    const watermark = `PERSONAL DATA - exported by ${user.name} <${user.email}> at ${now.toISOString()} (export ${id}). Do not forward; delete after use.`;
    const file = renderTable(
      { ...table, watermark: [watermark] },
      {
        format: body.format,
        hxl: false,
        name: `passerelle-${body.dataset}-${now.toISOString().slice(0, 10)}`,
        creator: `${user.name} <${user.email}>`,
        createdAt: now.toISOString(),
      },
    );
    const dataKey = generateDataKey();
    await insertExportFile(trx, {
      id,
      user_id: ctx.actor.userId ?? '',
      org_id: ctx.actor.orgId ?? '',
      dataset: body.dataset,
      format: body.format,
      row_count: table.rows.length,
      filename: file.filename,
      wrapped_key: wrapDataKey(ctx.keys, dataKey, id),
      content: encryptBytes(dataKey, file.body, contentAad(id)).toString('base64'),
      downloads: 0,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      purged_at: null,
    });
    await recordAudit(trx, ctx, {
      action: 'export.personal',
      entity: 'export',
      entityId: id,
      details: {
        dataset: body.dataset,
        format: body.format,
        rows: table.rows.length,
        convoyId: body.convoyId ?? null,
        expiresAt,
      },
    });
    return {
      id,
      dataset: body.dataset,
      format: body.format,
      rows: table.rows.length,
      expiresAt,
      downloadUrl: `/api/exports/personal/${id}`,
    };
  });
}

/** The file, to the user who made it, in a browser session, before it expires; each download audited. */
export async function downloadPersonalExport(ctx: ServiceContext, id: string) {
  const now = ctx.now().toISOString();
  // Outside the download's transaction: a download of an expired file answers 404, and that error
  // would roll back a purge made inside it, leaving the expired bytes in place until the purge job.
  await purgeExpiredExports(ctx.db, now);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findExportFileOfUser(trx, id, ctx.actor.userId ?? '');
    if (!row) throw AppError.notFound('export');
    if (ctx.actor.via !== 'session')
      throw new AppError(
        'forbidden',
        'Exports of personal data are downloaded in the browser session that made them.',
      );
    if (!row.content || !row.wrapped_key)
      throw new AppError('not_found', 'This export has expired and was deleted; make a new one.');
    const body = decryptBytes(
      unwrapDataKey(ctx.keys, row.wrapped_key, id),
      Buffer.from(row.content, 'base64'),
      contentAad(id),
    );
    await countDownload(trx, id);
    await recordAudit(trx, ctx, {
      action: 'export.personal_download',
      entity: 'export',
      entityId: id,
      details: { dataset: row.dataset, rows: row.row_count },
    });
    return { filename: row.filename, format: row.format, body };
  });
}

/** For the purge job and tests: deletes the bytes and keys of expired exports. */
export function purgeExpired(db: Executor, now: Date) {
  return purgeExpiredExports(db, now.toISOString());
}
