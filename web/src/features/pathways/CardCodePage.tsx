import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { ErrorState, NotFoundState, PageLoader } from '../../app/states';

const normalise = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * /p/:code — where a registration card's QR code leads. For a signed-in user allowed to find
 * people, the person whose current code it is; a revoked or unknown code finds no one. The code
 * alone reveals nothing: the server answers only within the user's scope.
 */
export function CardCodePage() {
  const { code = '' } = useParams();
  const found = useQuery({
    queryKey: ['pathways', 'card-code', code],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; code: string }>>('/api/people', { q: code, limit: 5 }, signal),
    enabled: code !== '',
  });
  if (found.isPending) return <PageLoader />;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  const person = found.data.items.find((p) => normalise(p.code) === normalise(code));
  if (!person) return <NotFoundState />;
  return <Navigate to={`/people/${encodeURIComponent(person.id)}`} replace />;
}
