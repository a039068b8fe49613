import type { Reconciliation, Span } from './sites.reconcile.js';

/**
 * The plain-language sentence that goes with a reconciliation, in English (the API's language;
 * the web UI composes its own from the same numbers in the reader's language). It says where
 * the figure comes from and how much the sources disagree, never one invented number alone.
 */
const numberFormat = new Intl.NumberFormat('en-GB');
const count = (n: number) => numberFormat.format(n);
const people = (low: number, high: number) =>
  `${low === high ? count(low) : `${count(low)}–${count(high)}`} people`;
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

const KIND_WORDS: Record<string, string> = {
  authority: 'authority',
  ngo: 'NGO',
  un_agency: 'UN agency',
  key_informant: 'key informant',
  headcount: 'headcount',
  registration: 'registration',
};

export function composeStatement(r: Omit<Reconciliation, 'statement'>): string {
  const sentences: string[] = [];
  const closure = r.closure ? `${r.name} was ${r.closure.status} on ${r.closure.on}` : null;
  if (r.basis === 'none' || !r.range || !r.central) {
    sentences.push(
      closure ? `${closure}; no estimate since.` : `No current estimate for ${r.name} on ${r.date}.`,
    );
  } else {
    if (closure) sentences.push(`${closure}.`);
    sentences.push(headline(r, r.range, r.central.value));
  }
  const ratio = r.divergenceRatio !== null ? Number(r.divergenceRatio.toFixed(1)) : null;
  const disagreement =
    ratio !== null && ratio > 1
      ? r.basis === 'sources' && r.sources.length === 1
        ? `The only source's range spans a factor of ${ratio.toFixed(1)}`
        : `Sources disagree by a factor of ${ratio.toFixed(1)}`
      : null;
  const registry =
    r.registeredPresent > 0 && r.floorApplied
      ? `the registry confirms at least ${plural(r.registeredPresent, 'person', 'people')} present`
      : null;
  if (disagreement && registry) sentences.push(`${disagreement}; ${registry}.`);
  else if (disagreement) sentences.push(`${disagreement}.`);
  else if (registry) sentences.push(`${registry.charAt(0).toUpperCase()}${registry.slice(1)}.`);
  if (r.central?.raisedToFloor) sentences.push('The central value is raised to the registry count.');
  if (r.registeredPresent > 0 && !r.floorApplied) {
    sentences.push(
      `The registry count (${count(r.registeredPresent)} present today) is not applied to a past date.`,
    );
  }
  const age = newestAge(r);
  if (age !== null && age > 30) sentences.push(`The newest figure is ${plural(age, 'day', 'days')} old.`);
  sentences.push(...ignoredSentences(r));
  const minors = breakdownSentence(r.breakdown.children, r.breakdown.unaccompaniedMinors);
  if (minors) sentences.push(minors);
  return sentences.join(' ');
}

function headline(
  r: Omit<Reconciliation, 'statement'>,
  range: { low: number; high: number },
  central: number,
) {
  if (r.basis === 'zones') {
    const zones = r.zones.filter((z) => z.range !== null).length;
    const of = zones < r.zones.length ? ` of ${r.zones.length}` : '';
    return `${r.name}: the sum of ${plural(zones, 'zone', 'zones')}${of} gives ${people(range.low, range.high)} (central value ${count(central)}).`;
  }
  const [only] = r.sources;
  if (r.sources.length === 1 && only) {
    const kind = KIND_WORDS[only.sourceKind] ?? only.sourceKind;
    return `One current source (${only.sourceName}, ${kind}, ${only.date}) puts ${r.name} at ${people(range.low, range.high)}.`;
  }
  return `${count(r.sources.length)} current sources put ${r.name} at ${people(range.low, range.high)}; weighted median ${count(central)}.`;
}

/** Days since the newest figure behind the headline (own sources, or the zones'). */
function newestAge(r: Omit<Reconciliation, 'statement'>): number | null {
  const ages = (r.basis === 'zones' ? r.zones.flatMap((z) => z.sources) : r.sources).map((s) => s.ageDays);
  return ages.length > 0 ? Math.min(...ages) : null;
}

function ignoredSentences(r: Omit<Reconciliation, 'statement'>): string[] {
  const stale = r.ignored.filter((i) => i.reason === 'stale').length;
  const beforeClosure = r.ignored.filter((i) => i.reason === 'before_closure').length;
  const out: string[] = [];
  if (stale > 0) {
    out.push(`${plural(stale, 'source', 'sources')} older than ${r.config.maxAgeDays} days left out.`);
  }
  if (beforeClosure > 0 && r.closure) {
    out.push(
      `${plural(beforeClosure, 'figure', 'figures')} from before the site was ${r.closure.status} left out.`,
    );
  }
  return out;
}

function breakdownSentence(children: Span | null, unaccompanied: Span | null): string | null {
  const parts: string[] = [];
  const span = (s: Span) => (s.low === s.high ? count(s.low) : `${count(s.low)}–${count(s.high)}`);
  if (children) parts.push(`children ${span(children)}`);
  if (unaccompanied) parts.push(`unaccompanied minors ${span(unaccompanied)}`);
  return parts.length > 0 ? `Reported: ${parts.join('; ')}.` : null;
}
