/** What static analysis of a flagd JsonLogic targeting rule can tell. */
export interface TargetingSummary {
  /** Conditions of `if` chains: each one a targeting rule. */
  ruleCount: number;
  /** The fractional split, when there is one (percentages, summing to 100). */
  rollout?: { variant: string; weight: number }[];
  /**
   * Every variant an evaluation can end on; null stands for "targeting returned nothing", which flagd answers with
   * the default variant. Undefined when some outcome is computed at evaluation time (e.g. `{"var": ...}`).
   */
  outcomes?: Set<string | null>;
}

/** A targeting rule flagd itself would reject; `path` is the JSON path of the offending part. */
export class TargetingError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

export function analyzeTargeting(
  targeting: unknown,
  evaluators: Record<string, unknown>,
  path: (string | number)[],
): TargetingSummary {
  const summary: TargetingSummary = { ruleCount: 0 };
  const outcomes = new Set<string | null>();
  let known = true;

  const visit = (node: unknown, at: (string | number)[], refs: string[]): void => {
    if (typeof node === 'string') return void outcomes.add(node);
    if (node === null) return void outcomes.add(null);
    if (typeof node !== 'object' || Array.isArray(node)) {
      known = false;
      return;
    }
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length !== 1) {
      if (entries.length === 0) return void outcomes.add(null);
      known = false;
      return;
    }
    const [op, args] = entries[0];
    if (op === '$ref') {
      if (typeof args !== 'string' || !(args in evaluators)) {
        throw new TargetingError([...at, '$ref'], `$ref ${JSON.stringify(args)} is not defined in $evaluators`);
      }
      if (refs.includes(args)) throw new TargetingError([...at, '$ref'], `$ref ${JSON.stringify(args)} refers to itself`);
      return visit(evaluators[args], ['$evaluators', args], [...refs, args]);
    }
    if (op === 'if') {
      if (!Array.isArray(args)) throw new TargetingError([...at, 'if'], 'expected an array [condition, then, ..., else]');
      summary.ruleCount += Math.floor(args.length / 2);
      for (let i = 1; i < args.length; i += 2) visit(args[i], [...at, 'if', i], refs);
      if (args.length % 2 === 1) visit(args[args.length - 1], [...at, 'if', args.length - 1], refs);
      else outcomes.add(null);
      return;
    }
    if (op === 'fractional' || op === 'fractionalEvaluation' /* its name before flagd 0.7 */) {
      const split = fractionalSplit(args, [...at, op]);
      summary.rollout = split;
      for (const bucket of split) if (bucket.weight > 0) outcomes.add(bucket.variant);
      return;
    }
    known = false;
  };

  checkRefs(targeting, evaluators, path);
  visit(targeting, path, []);
  if (known) summary.outcomes = outcomes;
  return summary;
}

/** Every `$ref` anywhere in the rule (conditions included) must name a shared evaluator. */
function checkRefs(node: unknown, evaluators: Record<string, unknown>, at: (string | number)[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child, i) => checkRefs(child, evaluators, [...at, i]));
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && (typeof v !== 'string' || !(v in evaluators))) {
      throw new TargetingError([...at, '$ref'], `$ref ${JSON.stringify(v)} is not defined in $evaluators`);
    }
    checkRefs(v, evaluators, [...at, k]);
  }
}

/** `fractional: [bucketBy?, [variant, weight?], ...]`; weights are relative and default to 1. */
function fractionalSplit(args: unknown, at: (string | number)[]): { variant: string; weight: number }[] {
  if (!Array.isArray(args)) throw new TargetingError(at, 'expected an array of [variant, weight] buckets');
  const buckets: { variant: string; raw: number }[] = [];
  args.forEach((bucket, i) => {
    if (i === 0 && !Array.isArray(bucket)) return; // the bucketing expression
    const ok =
      Array.isArray(bucket) &&
      (bucket.length === 1 || bucket.length === 2) &&
      typeof bucket[0] === 'string' &&
      (bucket.length === 1 || (typeof bucket[1] === 'number' && bucket[1] >= 0));
    if (!ok) throw new TargetingError([...at, i], 'expected a bucket ["variant", weight] with a weight >= 0');
    buckets.push({ variant: bucket[0], raw: bucket.length === 2 ? bucket[1] : 1 });
  });
  const total = buckets.reduce((sum, b) => sum + b.raw, 0);
  if (buckets.length === 0 || total === 0) throw new TargetingError(at, 'expected at least one bucket with a weight above 0');
  return buckets.map((b) => ({ variant: b.variant, weight: Math.round((b.raw / total) * 10000) / 100 }));
}

export function describeSplit(rollout: { variant: string; weight: number }[]): string {
  return rollout.map((b) => `${b.variant} ${b.weight}%`).join(' / ');
}
