import type { Block } from '../information.schema.js';
import { html, type SafeHtml } from './html.js';

/** tel: URIs keep only the digits and a leading +, whatever spacing the editor used. */
function telHref(number: string): string {
  return `tel:${number.trim().startsWith('+') ? '+' : ''}${number.replace(/[^0-9]/g, '')}`;
}

/**
 * Structured blocks: phone numbers (a tap calls them), addresses with opening hours, and
 * "what to bring" checklists. All fields are plain text and escaped; numbers and addresses are
 * isolated (bdi) so that digits and Latin street names read correctly inside right-to-left text.
 */
export function renderBlock(block: Block): SafeHtml {
  switch (block.type) {
    case 'phone':
      return html`<section class="block phone"><h2>${block.label}</h2>
<p><a href="${telHref(block.number)}" dir="ltr">${block.number}</a></p>
${block.hours ? html`<p class="note">${block.hours}</p>` : ''}${block.note ? html`<p class="note">${block.note}</p>` : ''}</section>`;
    case 'address':
      return html`<section class="block address"><h2>${block.name}</h2>
<address>${block.lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}<bdi>${line}</bdi>`)}</address>
${
  block.openingHours && block.openingHours.length > 0
    ? html`<table class="hours"><tbody>${block.openingHours.map(
        (row) => html`<tr><th scope="row">${row.days}</th><td><bdi>${row.hours}</bdi></td></tr>`,
      )}</tbody></table>`
    : ''
}${block.note ? html`<p class="note">${block.note}</p>` : ''}</section>`;
    case 'checklist':
      return html`<section class="block checklist-block"><h2>${block.title}</h2>
<ul class="checklist">${block.items.map((item) => html`<li>${item}</li>`)}</ul></section>`;
  }
}

export function renderBlocks(blocks: readonly Block[]): SafeHtml {
  return html`${blocks.map((b) => html`${renderBlock(b)}\n`)}`;
}
