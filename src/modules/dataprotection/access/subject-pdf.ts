import PDFDocument from 'pdfkit';
import { drawRun, type Run, runWidth, SPACE, splitRuns } from './pdf-script.js';
import { fill, type Template, templateFor } from './pdf-templates.js';
import type { SubjectExport } from './subject-export.js';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const BODY = 10;

/** Lays out lines of mixed-script text on A4 pages, left to right or right to left. */
class Writer {
  private y = MARGIN;
  constructor(
    private readonly doc: Doc,
    private readonly rtl: boolean,
  ) {}

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private ensure(height: number) {
    if (this.y + height > this.doc.page.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  /** Words wrapped to lines no wider than `width`, each line as runs of one script. */
  private wrap(text: string, size: number, width: number): Run[][] {
    const lines: Run[][] = [];
    let line: Run[] = [];
    let used = 0;
    for (const word of splitRuns(text).flatMap((run) =>
      run.text.split(' ').map((w) => ({ script: run.script, text: w })),
    )) {
      const w = runWidth(this.doc, word, size);
      if (line.length > 0 && used + size * SPACE + w > width) {
        lines.push(line);
        line = [];
        used = 0;
      }
      const spacing = line.length > 0 ? size * SPACE : 0;
      const last = line.at(-1);
      if (last && last.script === word.script) last.text += ` ${word.text}`;
      else line.push({ ...word });
      used += spacing + w;
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  private drawLine(runs: Run[], size: number, indent: number, bold: boolean) {
    const space = size * SPACE;
    if (this.rtl) {
      let x = this.doc.page.width - MARGIN - indent;
      for (const run of runs) {
        x -= runWidth(this.doc, run, size);
        drawRun(this.doc, run, x, this.y + size, size, bold);
        x -= space;
      }
    } else {
      let x = MARGIN + indent;
      for (const run of runs) {
        drawRun(this.doc, run, x, this.y + size, size, bold);
        x += runWidth(this.doc, run, size) + space;
      }
    }
  }

  text(text: string, options: { size?: number; indent?: number; bold?: boolean; after?: number } = {}) {
    const size = options.size ?? BODY;
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, size, this.width - indent)) {
      this.ensure(size * 1.5);
      this.drawLine(line, size, indent, options.bold ?? false);
      this.y += size * 1.45;
    }
    this.y += options.after ?? 2;
  }

  heading(text: string) {
    this.ensure(40);
    this.y += 8;
    this.text(text, { size: 13, bold: true, after: 4 });
  }

  field(label: string, value: string | number | null | undefined) {
    if (value === null || value === undefined || value === '') return;
    this.text(`${label}: ${value}`, { indent: 8 });
  }
}

/** Flattens decrypted free text (often JSON objects) into readable "key: value" text. */
function prose(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(prose).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (prose(v) ? `${k}: ${prose(v)}` : ''))
      .filter(Boolean)
      .join('; ');
  }
  return String(value);
}

function body(w: Writer, t: Template, data: SubjectExport) {
  const v = (code: string) => t.values[code] ?? code;
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
  const list = (items: string[]) => {
    if (items.length === 0) w.text(t.none, { indent: 8 });
    for (const item of items) w.text(item, { indent: 8 });
  };

  w.heading(t.sections.person);
  const p = data.person;
  w.field(t.fields.code!, p.code);
  w.field(t.fields.sex!, v(p.sex));
  w.field(t.fields.birthYear!, p.birthYear);
  w.field(t.fields.nationality!, p.nationality);
  w.field(t.fields.languages!, p.languages.join(', '));
  w.field(t.fields.site!, p.site);
  w.field(t.fields.registeredAt!, day(p.registeredAt));
  w.heading(t.sections.identity);
  const id = p.identity;
  if (!id) w.text(t.none, { indent: 8 });
  else {
    for (const key of [
      'givenName',
      'familyName',
      'fathersName',
      'originalScriptName',
      'birthDate',
      'phone',
      'placeOfOrigin',
      'notes',
    ] as const) {
      w.field(t.fields[key]!, id[key] ?? null);
    }
    w.field(t.fields.otherNames!, id.otherNames.join(', '));
    w.field(t.fields.documents!, id.documents.map((d) => `${d.type} ${d.number}`).join(', '));
  }
  w.heading(t.sections.households);
  list(
    data.households.map(
      (h) => `${h.code} — ${h.relationship} — ${day(h.joinedAt)}${h.leftAt ? ` – ${day(h.leftAt)}` : ''}`,
    ),
  );
  w.heading(t.sections.needs);
  list(data.specificNeeds.filter((n) => !n.removedAt).map((n) => `${n.code} — ${day(n.notedAt)}`));
  w.heading(t.sections.consents);
  list(
    data.consents.map(
      (c) =>
        `${v(c.purpose)} — ${v(c.basis)} — ${day(c.recordedAt)}${c.withdrawnAt ? ` — ${v('withdrawn')} ${day(c.withdrawnAt)}` : ''}`,
    ),
  );
  w.heading(t.sections.cases);
  list(
    data.cases.flatMap((c) => [
      `${c.type} — ${c.risk} — ${c.status} — ${day(c.openedAt)}${c.closedAt ? ` – ${day(c.closedAt)}` : ''}`,
      ...c.events.filter((e) => e.text).map((e) => `   ${day(e.occurredAt)} ${e.kind}: ${prose(e.text)}`),
    ]),
  );
  w.heading(t.sections.counselling);
  list(data.counselling.map((s) => `${s.heldOn} — ${s.topics.join(', ')}${s.notes ? ` — ${s.notes}` : ''}`));
  w.heading(t.sections.reception);
  list([
    ...data.reception.stays.map(
      (s) => `${s.site ?? ''} — ${day(s.admittedAt)}${s.dischargedAt ? ` – ${day(s.dischargedAt)}` : ''}`,
    ),
    ...data.reception.relocations.map((r) => `${r.toSite ?? ''} — ${r.status} — ${day(r.proposedAt)}`),
  ]);
  w.heading(t.sections.reunification);
  const r = data.reunification;
  list([
    ...r.tracingRequests.map(
      (q) => `${q.relationship} — ${q.status} — ${day(q.createdAt)} ${prose(q.sought)}`,
    ),
    ...r.familyLinks.map((l) => `${l.kinship} — ${l.country ?? ''} ${prose(l.details)}`),
    ...r.reunificationCases.map((c) => `${c.legalBasis} — ${c.stage} — ${c.applicationLodgedOn}`),
  ]);
  w.heading(t.sections.recipients);
  list(
    data.recipients.map((s) => `${s.organisation} — ${s.recordType} — ${s.grantedBy} — ${day(s.grantedAt)}`),
  );
  w.heading(t.sections.accesses);
  list(data.accesses.map((a) => `${day(a.at)} — ${a.organisation ?? ''} — ${a.action}`));
  w.heading(t.sections.retention);
  list(
    data.retention.map(
      (p) => `${p.recordType} (${p.recordStatus}) — ${fill(t.days, { n: String(p.keepDays) })}`,
    ),
  );
}

/** The PDF letter answering an access request, in the person's language where a template exists. */
export function renderSubjectPdf(data: SubjectExport): Promise<Buffer> {
  const { template } = templateFor(data.language);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: 'Subject access', Producer: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc, template.dir === 'rtl');
  const values = { controller: data.controller, date: data.generatedAt.slice(0, 10) };
  w.text(fill(template.title, values), { size: 16, bold: true, after: 8 });
  w.text(fill(template.intro, values), { after: 6 });
  body(w, template, data);
  w.heading(template.sections.rights);
  w.text(fill(template.rights, values));
  doc.end();
  return done;
}
