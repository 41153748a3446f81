import { activity, dailyActivity, detectorContext, featuresOf, HOUR, T0 } from '../observation.fixtures';
import { detectMarathonActivity, longestActiveRun } from './marathon-activity.detector';

const hoursInARow = (count: number) => Array.from({ length: count }, (_, index) => activity(T0 + (index + 1) * HOUR, 45));

describe('detectMarathonActivity', () => {
  it('reports 30 hours in a row without a break', () => {
    const [reason] = detectMarathonActivity(featuresOf(hoursInARow(30)), detectorContext());
    expect(reason).toMatchObject({ code: 'MARATHON_ACTIVITY', family: 'account-sharing' });
    expect(reason.evidence.consecutiveActiveHours).toBe(30);
  });

  it('does not report an all-nighter short of a day', () => {
    expect(detectMarathonActivity(featuresOf(hoursInARow(22)), detectorContext())).toEqual([]);
  });

  it('does not report long working days with sleep in between', () => {
    const days = dailyActivity(T0, 7, Array.from({ length: 16 }, (_, index) => index));
    expect(detectMarathonActivity(featuresOf(days), detectorContext())).toEqual([]);
  });

  it('counts an hour with only a few active minutes as a break', () => {
    expect(longestActiveRun([[1, 50], [2, 2], [3, 50], [4, 50]])).toEqual({ length: 2, startHour: 3 });
  });
});
