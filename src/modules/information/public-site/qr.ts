import QRCode from 'qrcode';
import { escapeHtml, type SafeHtml, trusted } from './html.js';

/**
 * The leaflet's QR code as inline SVG: no image request, no script, crisp on any printer. It
 * holds only the page's public address, nothing about the person holding the leaflet.
 */
export async function qrSvg(url: string): Promise<SafeHtml> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  if (!svg.startsWith('<svg ')) throw new Error('unexpected QR encoder output');
  return trusted(svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(url)}" `));
}
