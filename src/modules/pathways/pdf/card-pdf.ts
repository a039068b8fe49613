import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawOutlinedText, toPrintableLatin } from './pdf-text.js';

/** What one card shows. Nothing else about the person reaches the PDF, and the QR holds only the URL of the code. */
export interface CardContent {
  code: string;
  latinName: string;
  originalScriptName: string | null;
  householdCode: string | null;
  issuingOrganisation: string;
  issuedOn: string;
  photo: Buffer | null;
  /** `<base>/p/<code>`: opens the person in the app for a signed-in, authorised user; nothing for anyone else. */
  qrUrl: string;
}

const MM = 72 / 25.4;
// ISO/IEC 7810 ID-1, the size of a bank card: fits a wallet and a standard card sleeve.
const CARD_W = 85.6 * MM;
const CARD_H = 53.98 * MM;
const COLUMNS = 2;
const ROWS = 5;
const MARGIN_X = (595.28 - COLUMNS * CARD_W) / 2;
const MARGIN_Y = (841.89 - ROWS * CARD_H) / 2;

function drawQr(doc: InstanceType<typeof PDFDocument>, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 2);
  doc.save().fillColor('black');
  for (let row = 0; row < modules.size; row += 1)
    for (let col = 0; col < modules.size; col += 1)
      if (modules.get(row, col)) doc.rect(x + (col + 1) * cell, y + (row + 1) * cell, cell, cell).fill();
  doc.restore();
}

function drawCard(doc: InstanceType<typeof PDFDocument>, card: CardContent, x: number, y: number) {
  const pad = 3 * MM;
  doc
    .save()
    .lineWidth(0.4)
    .strokeColor('#888')
    .roundedRect(x, y, CARD_W, CARD_H, 3 * MM)
    .stroke()
    .restore();
  const org = toPrintableLatin(card.issuingOrganisation).text;
  doc.font('Helvetica-Bold').fontSize(7).fillColor('black');
  doc.text(org, x + pad, y + pad, { width: CARD_W - 2 * pad, lineBreak: false, ellipsis: true });
  doc.font('Helvetica').fontSize(5.5).fillColor('#444');
  doc.text('Registration card · Carte d’enregistrement', x + pad, y + pad + 9, { lineBreak: false });

  const photoW = 18 * MM;
  const photoH = 23 * MM;
  const photoY = y + pad + 17;
  if (card.photo) {
    doc.image(card.photo, x + pad, photoY, { fit: [photoW, photoH], align: 'center', valign: 'center' });
  } else {
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor('#aaa')
      .rect(x + pad, photoY, photoW, photoH)
      .stroke()
      .restore();
    doc.font('Helvetica').fontSize(5).fillColor('#888');
    doc.text('no photo', x + pad, photoY + photoH / 2 - 3, { width: photoW, align: 'center' });
  }

  const qrSize = 24 * MM;
  const qrX = x + CARD_W - pad - qrSize;
  drawQr(doc, card.qrUrl, qrX, photoY - 2, qrSize);

  const textX = x + pad + photoW + 2.5 * MM;
  const textW = qrX - textX - 1 * MM;
  const name = toPrintableLatin(card.latinName);
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor('black');
  doc.text(name.text, textX, photoY, { width: textW, height: 22, ellipsis: true });
  if (card.originalScriptName)
    drawOutlinedText(doc, card.originalScriptName, {
      size: 11,
      x: textX + textW,
      y: photoY + 34,
      maxWidth: textW,
    });
  doc
    .font('Helvetica')
    .fontSize(5.5)
    .fillColor('#444')
    .text('Code', textX, photoY + 40);
  doc
    .font('Courier-Bold')
    .fontSize(12)
    .fillColor('black')
    .text(card.code, textX, photoY + 47, { lineBreak: false });
  if (card.householdCode) {
    doc.font('Helvetica').fontSize(5.5).fillColor('#444');
    doc.text(`Household · Foyer  ${card.householdCode}`, textX, photoY + 60, { lineBreak: false });
  }
  doc.font('Helvetica').fontSize(5).fillColor('#444');
  const footer = [
    `Issued ${card.issuedOn}. Proof of registration with this organisation, not a State identity document.`,
    name.folded ? 'Some diacritics of the name could not be printed.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  doc.text(footer, x + pad, y + CARD_H - pad - 12, { width: CARD_W - 2 * pad, height: 14 });
}

/** Cards on A4 sheets, ten to a sheet (2 × 5, bank-card size), in the order given. */
export async function renderCardsPdf(cards: readonly CardContent[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Creator: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  cards.forEach((card, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (slot === 0) doc.addPage();
    drawCard(doc, card, MARGIN_X + (slot % COLUMNS) * CARD_W, MARGIN_Y + Math.floor(slot / COLUMNS) * CARD_H);
  });
  doc.end();
  return done;
}
