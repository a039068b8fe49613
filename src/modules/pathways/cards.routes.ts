import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { CardBatchBody, CardsResponse, RevokeCardBody, RevokeCardResponse } from './cards.schema.js';
import { listCards, printCards, revokeCard } from './cards.service.js';
import { PathwayPermissions } from './pathways.policy.js';

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:]+\](?::\d{1,5})?$/;

/**
 * The address a card's QR code opens: PASSERELLE_PUBLIC_URL when set (the address people's phones
 * reach), otherwise the host the request came to. Only `/p/<code>` follows it.
 */
function appBase(request: FastifyRequest): string {
  const configured = process.env.PASSERELLE_PUBLIC_URL?.replace(/\/+$/, '');
  if (configured) return configured;
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${HOST.test(host) ? host : 'localhost'}`;
}

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

export async function cardsRoutes(app: RouteApp): Promise<void> {
  const print = { permission: PathwayPermissions['cards.print'] };
  const tags = ['cards'];

  app.get(
    '/api/people/:id/card.pdf',
    { config: print, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const pdf = await printCards(request.serviceContext(), [request.params.id], appBase(request), {
        single: true,
      });
      return sendPdf(reply, pdf, 'registration-card.pdf');
    },
  );

  app.post(
    '/api/cards/batch',
    { config: print, schema: { tags, body: CardBatchBody } },
    async (request, reply) => {
      const pdf = await printCards(request.serviceContext(), request.body.personIds, appBase(request));
      return sendPdf(reply, pdf, 'registration-cards.pdf');
    },
  );

  app.get(
    '/api/people/:id/cards',
    { config: print, schema: { tags, params: IdParams, response: { 200: CardsResponse } } },
    async (request) => listCards(request.serviceContext(), request.params.id),
  );

  app.post(
    '/api/people/:id/card/revoke',
    {
      config: { permission: PathwayPermissions['cards.revoke'] },
      schema: { tags, params: IdParams, body: RevokeCardBody, response: { 200: RevokeCardResponse } },
    },
    async (request) => revokeCard(request.serviceContext(), request.params.id, request.body.reason),
  );
}
