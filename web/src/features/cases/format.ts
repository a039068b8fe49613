import type { CaseSummary } from './types';

/** How a case's person is named on screen: their name, or their card code when it is hidden. */
export function personLabel(person: CaseSummary['person']): string {
  return person.name ?? person.code;
}
