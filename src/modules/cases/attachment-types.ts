/**
 * File types a case accepts, recognised from their first bytes (the "magic numbers" of each
 * format), never from the name or the type the browser claims: a renamed executable stays an
 * executable. Formats a caseworker needs (scans, photos of documents, PDFs) and nothing that
 * runs code in a viewer (no HTML, SVG, Office macros).
 */
export const ATTACHMENT_TYPES = [
  { mediaType: 'application/pdf', extension: 'pdf', matches: (b: Buffer) => startsWith(b, 0, '%PDF-') },
  {
    mediaType: 'image/png',
    extension: 'png',
    matches: (b: Buffer) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { mediaType: 'image/jpeg', extension: 'jpg', matches: (b: Buffer) => startsWith(b, 0, [0xff, 0xd8, 0xff]) },
  {
    mediaType: 'image/webp',
    extension: 'webp',
    matches: (b: Buffer) => startsWith(b, 0, 'RIFF') && startsWith(b, 8, 'WEBP'),
  },
] as const;

/** 5 MB: a phone photo of a document or a scanned letter, not a video. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

function startsWith(bytes: Buffer, offset: number, signature: string | readonly number[]): boolean {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return (
    bytes.length >= offset + expected.length &&
    bytes.subarray(offset, offset + expected.length).equals(expected)
  );
}

export function detectAttachmentType(bytes: Buffer) {
  return ATTACHMENT_TYPES.find((type) => type.matches(bytes)) ?? null;
}
