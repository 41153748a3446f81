// Detection quality against the generator's truth: precision/recall/F1 of "flagged" (contract §4:
// HIGH or CRITICAL, or an open case) versus fraudulent, false-positive rate per look-alike kind,
// recall per fraud kind, and how whole each ring ends up in one cluster.

import { FRAUD_KINDS, LOOKALIKE_KINDS, TruthLabel } from './account-plan';

export interface AccountVerdict {
  readonly flagged: boolean;
  readonly clusterId?: string;
  readonly riskLevel?: string;
}

export interface KindFigure {
  readonly kind: string;
  readonly accounts: number;
  readonly flagged: number;
  readonly rate: number;
}

export interface RingFigure {
  readonly ringId: string;
  readonly members: number;
  /** Members in the ring's largest cluster (accounts without a cluster count as singletons). */
  readonly inLargestCluster: number;
  readonly share: number;
}

export interface DetectionMetrics {
  readonly accounts: number;
  readonly fraudulent: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly ordinaryFalsePositiveRate: number;
  readonly lookalikes: KindFigure[];
  readonly fraudKinds: KindFigure[];
  readonly rings: RingFigure[];
}

export interface DetectionTargets {
  readonly precision: number;
  readonly recall: number;
  readonly maxLookalikeFalsePositiveRate: number;
  readonly minRingClusterShare: number;
}

export const DEFAULT_TARGETS: DetectionTargets = {
  precision: 0.97,
  recall: 0.95,
  maxLookalikeFalsePositiveRate: 0.02,
  minRingClusterShare: 0.9,
};

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function kindFigure(kind: string, entries: readonly [TruthLabel, AccountVerdict][]): KindFigure {
  const ofKind = entries.filter(([truth]) => truth.kind === kind);
  const flagged = ofKind.filter(([, verdict]) => verdict.flagged).length;
  return { kind, accounts: ofKind.length, flagged, rate: ratio(flagged, ofKind.length) };
}

function ringFigures(entries: readonly [TruthLabel, AccountVerdict, string][]): RingFigure[] {
  const rings = new Map<string, [AccountVerdict, string][]>();
  for (const [truth, verdict, id] of entries) {
    if (!truth.ringId) continue;
    const members = rings.get(truth.ringId) ?? [];
    members.push([verdict, id]);
    rings.set(truth.ringId, members);
  }
  return [...rings].map(([ringId, members]) => {
    const sizes = new Map<string, number>();
    for (const [verdict, id] of members) {
      const key = verdict.clusterId ?? `singleton:${id}`;
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    const inLargestCluster = Math.max(...sizes.values());
    return {
      ringId,
      members: members.length,
      inLargestCluster,
      share: ratio(inLargestCluster, members.length),
    };
  });
}

/** Accounts missing from `verdicts` (never assessed) count as not flagged. */
export function computeMetrics(
  truth: ReadonlyMap<string, TruthLabel>,
  verdicts: ReadonlyMap<string, AccountVerdict>,
): DetectionMetrics {
  const entries = [...truth].map(
    ([id, label]) =>
      [label, verdicts.get(id) ?? { flagged: false }, id] as [TruthLabel, AccountVerdict, string],
  );
  const pairs = entries.map(([label, verdict]) => [label, verdict] as [TruthLabel, AccountVerdict]);
  const fraudulent = pairs.filter(([label]) => label.fraudulent).length;
  const flagged = pairs.filter(([, verdict]) => verdict.flagged).length;
  const truePositives = pairs.filter(([label, verdict]) => label.fraudulent && verdict.flagged).length;
  const precision = ratio(truePositives, flagged);
  const recall = ratio(truePositives, fraudulent);
  return {
    accounts: pairs.length,
    fraudulent,
    flagged,
    truePositives,
    falsePositives: flagged - truePositives,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    ordinaryFalsePositiveRate: kindFigure('ordinary', pairs).rate,
    lookalikes: LOOKALIKE_KINDS.map((kind) => kindFigure(kind, pairs)),
    fraudKinds: FRAUD_KINDS.map((kind) => kindFigure(kind, pairs)),
    rings: ringFigures(entries),
  };
}

/** Each target missed, as a sentence; empty when all are met. */
export function missedTargets(
  metrics: DetectionMetrics,
  targets: DetectionTargets = DEFAULT_TARGETS,
): string[] {
  const missed: string[] = [];
  if (metrics.precision < targets.precision)
    missed.push(`precision ${fmt(metrics.precision)} < ${targets.precision}`);
  if (metrics.recall < targets.recall) missed.push(`recall ${fmt(metrics.recall)} < ${targets.recall}`);
  for (const kind of metrics.lookalikes) {
    if (kind.rate > targets.maxLookalikeFalsePositiveRate) {
      missed.push(
        `${kind.kind} false positives ${pct(kind.rate)} > ${pct(targets.maxLookalikeFalsePositiveRate)}`,
      );
    }
  }
  for (const ring of metrics.rings) {
    if (ring.share < targets.minRingClusterShare)
      missed.push(`${ring.ringId}: ${pct(ring.share)} of members in one cluster`);
  }
  return missed;
}

const fmt = (value: number): string => value.toFixed(3);
const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;

export function formatReport(metrics: DetectionMetrics, targets: DetectionTargets = DEFAULT_TARGETS): string {
  const lines = [
    `accounts ${metrics.accounts}, fraudulent ${metrics.fraudulent}, flagged ${metrics.flagged} (true ${metrics.truePositives}, false ${metrics.falsePositives})`,
    `precision ${fmt(metrics.precision)} (target ≥ ${targets.precision})   recall ${fmt(metrics.recall)} (target ≥ ${targets.recall})   F1 ${fmt(metrics.f1)}`,
    `ordinary accounts: false positives ${pct(metrics.ordinaryFalsePositiveRate)}`,
    '',
    `look-alike kind      accounts  flagged  false-positive rate (target ≤ ${pct(targets.maxLookalikeFalsePositiveRate)})`,
    ...metrics.lookalikes.map(
      (k) =>
        `  ${k.kind.padEnd(18)} ${String(k.accounts).padStart(8)} ${String(k.flagged).padStart(8)}  ${pct(k.rate)}`,
    ),
    '',
    'fraud kind           accounts  flagged  recall',
    ...metrics.fraudKinds.map(
      (k) =>
        `  ${k.kind.padEnd(18)} ${String(k.accounts).padStart(8)} ${String(k.flagged).padStart(8)}  ${pct(k.rate)}`,
    ),
    '',
    `rings: ${metrics.rings.length}; share of members in the ring's largest cluster (target ≥ ${pct(targets.minRingClusterShare)})`,
    ...metrics.rings.map(
      (r) => `  ${r.ringId.padEnd(9)} ${r.inLargestCluster}/${r.members}  ${pct(r.share)}`,
    ),
  ];
  const missed = missedTargets(metrics, targets);
  lines.push('', missed.length === 0 ? 'all targets met' : `targets missed:\n  - ${missed.join('\n  - ')}`);
  return lines.join('\n');
}
