import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { detectAttachmentType, MAX_ATTACHMENT_BYTES } from './attachment-types.js';
import { loadCase, loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, requireCaseKey, seal, sealBytes, unseal, unsealBytes } from './case-crypto.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { findAttachment, insertAttachment } from './work.repository.js';
import type { AttachmentInput } from './work.schema.js';

type AttachmentMeta = { filename: string; description: string | null };

/**
 * Checks a file before anything is written: its size after decoding (413 over the limit) and its
 * type from its bytes (415 for anything not on the list). Then stores it sealed with the case key.
 */
export async function addAttachment(ctx: ServiceContext, caseId: string, input: AttachmentInput) {
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) throw AppError.validation('content', 'Required');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'payload_too_large',
      `content: the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
      [{ field: 'content', message: `larger than ${MAX_ATTACHMENT_BYTES} bytes` }],
    );
  }
  const type = detectAttachmentType(bytes);
  if (!type) {
    throw new AppError('unsupported_media_type', 'content: only PDF, PNG, JPEG or WebP files are accepted', [
      { field: 'content', message: 'only PDF, PNG, JPEG or WebP files are accepted' },
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'partner');
    const now = ctx.now();
    const id = timeOrderedId(now.getTime());
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const meta: AttachmentMeta = { filename: input.filename, description: input.description ?? null };
    await insertAttachment(trx, {
      id,
      case_id: caseId,
      media_type: type.mediaType,
      size_bytes: bytes.length,
      meta: seal(dataKey, caseAad.attachmentMeta(caseId, id), meta),
      content: sealBytes(dataKey, caseAad.attachmentBytes(caseId, id), bytes),
      uploaded_by: ctx.actor.userId,
      uploaded_at: now.toISOString(),
    });
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'attachment',
      summary: { attachmentId: id, mediaType: type.mediaType, sizeBytes: bytes.length },
    });
    await recordAudit(trx, ctx, {
      action: 'case.attachment_add',
      entity: 'case',
      entityId: caseId,
      details: { attachmentId: id, mediaType: type.mediaType, sizeBytes: bytes.length },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return {
      id,
      mediaType: type.mediaType,
      sizeBytes: bytes.length,
      filename: meta.filename,
      description: meta.description,
      uploadedAt: now.toISOString(),
    };
  });
}

/** Decrypts one attachment for download; every download is an audited read. */
export async function readAttachment(ctx: ServiceContext, caseId: string, attachmentId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { access } = await loadCase(trx, ctx, caseId);
    if (access.level !== 'full')
      throw new AppError('forbidden', 'This case is restricted to its caseworker and supervisors.');
    const row = await findAttachment(trx, caseId, attachmentId);
    if (!row) throw AppError.notFound('attachment');
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const meta = unseal<AttachmentMeta>(dataKey, caseAad.attachmentMeta(caseId, attachmentId), row.meta);
    await recordAudit(trx, ctx, {
      action: 'case.attachment_read',
      entity: 'case',
      entityId: caseId,
      details: { attachmentId },
    });
    return {
      mediaType: row.media_type,
      filename: meta?.filename ?? `attachment-${attachmentId}`,
      bytes: unsealBytes(dataKey, caseAad.attachmentBytes(caseId, attachmentId), row.content),
    };
  });
}
