import PDFDocument from 'pdfkit';
import { drawOutlinedText, scriptOf, toPrintableLatin } from './pdf-text.js';
import { SLIP_STRINGS, type SlipStrings } from './slip-strings.js';

export interface SlipContent {
  language: string;
  personName: string;
  personCode: string;
  startsAt: Date;
  timeZone: string;
  place: string;
  mapReference: string | null;
  hostOrganisation: string;
  interpreterLanguage: string | null;
}

const MM = 72 / 25.4;
const WIDTH = 148 * MM; // A6 landscape: fits a pocket, prints four to an A4 sheet
const HEIGHT = 105 * MM;
const PAD = 8 * MM;

type Doc = InstanceType<typeof PDFDocument>;

/** A line in the person's language: outlines for Arabic script and Ge'ez, Helvetica for Latin. */
function ownLanguageLine(doc: Doc, text: string, y: number, size: number) {
  const script = scriptOf(text);
  if (script === 'latin') {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('black');
    doc.text(toPrintableLatin(text).text, PAD, y, { width: WIDTH - 2 * PAD });
    return;
  }
  const rtl = script === 'arabic';
  drawOutlinedText(doc, text, {
    size: size * 1.15,
    x: rtl ? WIDTH - PAD : PAD,
    y: y + size,
    maxWidth: WIDTH - 2 * PAD,
  });
}

function field(
  doc: Doc,
  strings: SlipStrings,
  french: SlipStrings,
  key: keyof SlipStrings,
  value: string,
  y: number,
) {
  ownLanguageLine(doc, strings[key], y, 9);
  doc.font('Helvetica').fontSize(7).fillColor('#555');
  doc.text(strings === french ? '' : french[key], PAD, y + 13, { width: WIDTH - 2 * PAD });
  doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
  doc.text(toPrintableLatin(value).text, PAD, y + 22, { width: WIDTH - 2 * PAD });
}

/** An appointment reminder in the person's language with the French beside it, for the office at the door. */
export async function renderSlipPdf(slip: SlipContent): Promise<Buffer> {
  const strings = SLIP_STRINGS[slip.language] ?? SLIP_STRINGS.en!;
  const french = SLIP_STRINGS.fr!;
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    info: { Title: french.title, Creator: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  ownLanguageLine(doc, strings.title, PAD, 14);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555')
    .text(`${french.title} · ${slip.personCode}`, PAD, PAD + 22);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555')
    .text(toPrintableLatin(slip.personName).text, PAD, PAD + 32);

  const zone = { timeZone: slip.timeZone };
  const weekday = new Intl.DateTimeFormat(slip.language, { ...zone, weekday: 'long' }).format(slip.startsAt);
  const when = new Intl.DateTimeFormat('fr-FR', { ...zone, dateStyle: 'full', timeStyle: 'short' }).format(
    slip.startsAt,
  );
  const numeric = new Intl.DateTimeFormat('en-GB', {
    ...zone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(slip.startsAt);
  let y = PAD + 46;
  field(doc, strings, french, 'when', `${numeric} — ${when}`, y);
  if (scriptOf(weekday) !== 'latin') ownLanguageLine(doc, weekday, y + 36, 9);
  y += 52;
  field(doc, strings, french, 'where', [slip.place, slip.mapReference].filter(Boolean).join(' — '), y);
  y += 40;
  field(doc, strings, french, 'with', slip.hostOrganisation, y);
  y += 40;
  if (slip.interpreterLanguage) {
    ownLanguageLine(doc, strings.interpreter, y, 9);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#555')
      .text(`${french.interpreter} (${slip.interpreterLanguage})`, PAD, y + 13);
    y += 26;
  }
  ownLanguageLine(doc, strings.bring, y, 9);
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#555')
    .text(french.bring, PAD, y + 13);
  doc.end();
  return done;
}
