import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-types.js';
import { buildCaseTeam, type CaseTeam, openCase, registerPerson } from './testing/cases.fixture.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake image body for the test'),
]);
const PDF = Buffer.from('%PDF-1.4\n% birth certificate scan\n');

describeEngines('case attachments', (h) => {
  let team: CaseTeam;
  let caseId: string;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
    const person = await registerPerson(team.registrar, { givenName: 'Abel', age: 15 });
    caseId = (await openCase(team.caseworker, person)).id;
  });

  const upload = (content: Buffer, filename = 'birth-certificate-abel.pdf') =>
    team.caseworker.api.post(`/api/cases/${caseId}/attachments`, {
      filename,
      description: 'Scan brought by his uncle',
      content: content.toString('base64'),
    });
  const stored = async () => h.db.selectFrom('case_attachments').selectAll().execute();

  it('stores a PDF and a PNG encrypted, typed from their bytes, and downloads them with an audit entry', async () => {
    const pdf = await upload(PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      filename: 'birth-certificate-abel.pdf',
    });
    // The name says PDF; the bytes say PNG: the bytes win.
    const png = await upload(PNG, 'photo.pdf');
    expect(png.body.mediaType).toBe('image/png');
    const rows = await stored();
    expect(rows).toHaveLength(2);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('birth-certificate');
    expect(raw).not.toContain(PDF.toString('base64'));
    expect(Buffer.from(rows[0]!.content, 'base64').includes(Buffer.from('%PDF'))).toBe(false);
    const download = await h.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/attachments/${pdf.body.id}`,
      headers: { authorization: `Bearer ${team.caseworker.token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.attachment_read')
      .where('entity_id', '=', caseId)
      .execute();
    expect(audit).toHaveLength(1);
    const detail = await team.caseworker.api.get(`/api/cases/${caseId}`);
    expect(detail.body.attachments.map((a: { mediaType: string }) => a.mediaType).sort()).toEqual([
      'application/pdf',
      'image/png',
    ]);
  });

  it('refuses a disallowed type whatever its name (415) and writes nothing', async () => {
    const before = (await stored()).length;
    const cases: Array<[Buffer, string]> = [
      [Buffer.from('MZ\x90\x00 this is a Windows program'), 'scan.pdf'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'letter.png'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'photo.jpg'],
      [Buffer.from('PK\x03\x04 word document with macros'), 'report.docx'],
    ];
    for (const [content, filename] of cases) {
      const response = await upload(content, filename);
      expect(response.status, filename).toBe(415);
      expect(response.body.error.message).toMatch(/^content:/);
    }
    expect((await stored()).length).toBe(before);
  });

  it('refuses a file over the size limit (413) and bad base64 (400), writing nothing', async () => {
    const before = (await stored()).length;
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const tooBig = await upload(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/^content:/);
    const notBase64 = await team.caseworker.api.post(`/api/cases/${caseId}/attachments`, {
      filename: 'x.pdf',
      content: '%%% not base64 %%%',
    });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.error.message).toMatch(/^content:/);
    expect((await stored()).length).toBe(before);
    const events = await h.db
      .selectFrom('case_events')
      .select('kind')
      .where('kind', '=', 'attachment')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('keeps files from another organisation (404) and from roles without case access (403)', async () => {
    const [first] = await stored();
    const outsider = await h.createUser(['caseworker']);
    const url = `/api/cases/${caseId}/attachments/${first!.id}`;
    expect((await outsider.api.get(url)).status).toBe(404);
    const reception = await h.createUser(['reception_coordinator'], team.orgId);
    expect((await reception.api.get(url)).status).toBe(403);
    expect((await team.caseworker.api.get(`/api/cases/${caseId}/attachments/nosuchfile`)).status).toBe(404);
  });
});
