import { TruthLabel } from '../../scripts/demo/account-plan';
import {
  AccountVerdict,
  computeMetrics,
  formatReport,
  missedTargets,
} from '../../scripts/demo/detection-metrics';

const truth = new Map<string, TruthLabel>([
  ['p1', { fraudulent: true, kind: 'dprk-persona', ringId: 'ring-1' }],
  ['p2', { fraudulent: true, kind: 'dprk-persona', ringId: 'ring-1' }],
  ['c1', { fraudulent: true, kind: 'fake-client', ringId: 'ring-1' }],
  ['f1', { fraudulent: true, kind: 'laptop-farm', ringId: 'ring-2' }],
  ['h1', { fraudulent: false, kind: 'household' }],
  ['h2', { fraudulent: false, kind: 'household' }],
  ['o1', { fraudulent: false, kind: 'ordinary' }],
]);

describe('detection metrics', () => {
  it('scores flagged against fraudulent, per kind and per ring', () => {
    const verdicts = new Map<string, AccountVerdict>([
      ['p1', { flagged: true, clusterId: 'k1' }],
      ['p2', { flagged: true, clusterId: 'k1' }],
      ['c1', { flagged: false }],
      ['h1', { flagged: true, clusterId: 'k9' }],
      // f1, h2, o1 never assessed: not flagged
    ]);
    const metrics = computeMetrics(truth, verdicts);
    expect(metrics).toMatchObject({ fraudulent: 4, flagged: 3, truePositives: 2, falsePositives: 1 });
    expect(metrics.precision).toBeCloseTo(2 / 3);
    expect(metrics.recall).toBeCloseTo(0.5);
    expect(metrics.lookalikes.find((k) => k.kind === 'household')).toMatchObject({
      accounts: 2,
      flagged: 1,
      rate: 0.5,
    });
    expect(metrics.fraudKinds.find((k) => k.kind === 'laptop-farm')).toMatchObject({
      accounts: 1,
      flagged: 0,
    });
    expect(metrics.rings).toEqual([
      { ringId: 'ring-1', members: 3, inLargestCluster: 2, share: 2 / 3 },
      { ringId: 'ring-2', members: 1, inLargestCluster: 1, share: 1 },
    ]);
    expect(missedTargets(metrics)).toEqual([
      'precision 0.667 < 0.97',
      'recall 0.500 < 0.95',
      'household false positives 50.0 % > 2.0 %',
      'ring-1: 66.7 % of members in one cluster',
    ]);
    expect(formatReport(metrics)).toContain('targets missed');
  });

  it('meets every target when detection is perfect', () => {
    const verdicts = new Map<string, AccountVerdict>(
      [...truth].map(([id, label]) => [id, { flagged: label.fraudulent, clusterId: label.ringId }]),
    );
    const metrics = computeMetrics(truth, verdicts);
    expect(metrics.f1).toBe(1);
    expect(missedTargets(metrics)).toEqual([]);
  });
});
