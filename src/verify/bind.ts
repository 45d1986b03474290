// Which names each claim of a sentence speaks of: the names just before it, carried over commas
// until the next name, a ； or the end of the sentence. A list "A、B、C3项指标…" makes one claim about
// each name; "总投资X的<项目>" speaks of the name after it.
import { type Claim, FORECAST_WORD, GOAL_WORDS, type NameToken, type Subject, findClaims, findNames, type NameMatcher } from './claims.js';

export interface BoundClaim {
  readonly claim: Claim;
  /** The names the claim is about; empty when none could be found. */
  readonly subjects: readonly Subject[];
  /** The sentence speaks of goals (要确保, 力争): a growth is a target. */
  readonly goal: boolean;
  /** The clause chain is a forecast (预计): changes and gaps are the forecast's. */
  readonly forecast: boolean;
}

export interface Sentence {
  readonly text: string;
  readonly claims: readonly BoundClaim[];
  /** Characters covered by names and claims (for finding digits nobody checked). */
  readonly covered: readonly (readonly [number, number])[];
}

/** A paragraph's sentences (ending in 。！？), each with its claims bound to names. */
export function sentencesOf(paragraph: string, matcher: NameMatcher): Sentence[] {
  const texts = paragraph.match(/[^。！？]+[。！？]?/g) ?? [];
  return texts.map((text) => {
    const names = findNames(text, matcher);
    const claims = findClaims(text, names);
    const bound = text.split('；').reduce<{ offset: number; bound: BoundClaim[] }>(
      (acc, segment) => {
        const inSegment = (t: { at: number }) => t.at >= acc.offset && t.at < acc.offset + segment.length;
        acc.bound.push(...bindSegment(text, acc.offset, names.filter(inSegment), claims.filter(inSegment)));
        return { offset: acc.offset + segment.length + 1, bound: acc.bound };
      },
      { offset: 0, bound: [] },
    ).bound;
    const covered = [...names, ...claims].map((t) => [t.at, t.end] as const);
    return { text, claims: bound, covered };
  });
}

type Token = { readonly type: 'name'; readonly name: NameToken } | { readonly type: 'claim'; readonly claim: Claim };

function bindSegment(text: string, offset: number, names: readonly NameToken[], claims: readonly Claim[]): BoundClaim[] {
  const tokens: Token[] = [...names.map((name) => ({ type: 'name' as const, name })), ...claims.map((claim) => ({ type: 'claim' as const, claim }))].sort((a, b) => at(a) - at(b));
  const goalAt = text.search(GOAL_WORDS);
  const bound: BoundClaim[] = [];
  let subjects: Subject[] = [];
  let pending: Subject[] = [];
  let forward: Claim[] = [];
  let forecast = false;
  let last = offset;
  for (const token of tokens) {
    const between = text.slice(last, at(token));
    if (token.type === 'name') {
      const listed = pending.length > 0 && /^、?$/.test(between);
      pending = listed ? [...pending, token.name.subject] : [token.name.subject];
      for (const claim of forward) bound.push({ claim, subjects: [token.name.subject], goal: false, forecast: false });
      forward = [];
      forecast = false;
      last = token.name.end;
      continue;
    }
    const { claim } = token;
    if (FORECAST_WORD.test(between) || claim.kind === 'forecast') forecast = true;
    if (pending.length > 0) [subjects, pending] = [pending, []];
    if (claim.kind === 'investment') forward.push(claim);
    else bound.push({ claim, subjects, goal: goalAt >= 0 && goalAt < claim.at, forecast });
    last = claim.end;
  }
  return bound;
}

function at(token: Token): number {
  return token.type === 'name' ? token.name.at : token.claim.at;
}
