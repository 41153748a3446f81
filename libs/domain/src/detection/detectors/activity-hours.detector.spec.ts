import { dailyActivity, detectorContext, featuresOf, registration, T0 } from '../observation.fixtures';
import { detectActivityHours, shareInLocalHours } from './activity-hours.detector';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => (from + index) % 24);

describe('detectActivityHours', () => {
  it('reports a "New York" developer whose working day is 09:00–18:00 in Pyongyang', () => {
    const features = featuresOf([registration(), ...dailyActivity(T0, 6, range(0, 9))]); // 00–09 UTC = 19:00–04:00 in New York
    const [reason] = detectActivityHours(features, detectorContext());
    expect(reason).toMatchObject({ code: 'NIGHT_SHIFT_ACTIVITY', family: 'location' });
    expect(reason.evidence).toMatchObject({ claimedDaytimeShare: 0, asianWorkdayShare: 1 });
  });

  it('does not report a night owl who starts after lunch and works past midnight', () => {
    const features = featuresOf([registration(), ...dailyActivity(T0, 6, range(18, 30))]); // 13:00–01:00 in New York
    expect(detectActivityHours(features, detectorContext())).toEqual([]);
  });

  it('does not report an ordinary office day in the claimed zone', () => {
    const features = featuresOf([registration(), ...dailyActivity(T0, 6, range(13, 22))]); // 09:00–18:00 in New York
    expect(detectActivityHours(features, detectorContext())).toEqual([]);
  });

  it('does not report someone who claims the Asian zone they work in', () => {
    const features = featuresOf([registration({ country: 'PH', timezone: 'Asia/Manila' }), ...dailyActivity(T0, 6, range(0, 9))]);
    expect(detectActivityHours(features, detectorContext())).toEqual([]);
  });

  it('needs enough active hours', () => {
    const features = featuresOf([registration(), ...dailyActivity(T0, 1, range(0, 9))]);
    expect(detectActivityHours(features, detectorContext())).toEqual([]);
  });

  it('shareInLocalHours wraps around midnight', () => {
    const histogram = new Array<number>(24).fill(0);
    histogram[3] = 30; // 22:00 at UTC-5
    histogram[12] = 10; // 07:00 at UTC-5
    expect(shareInLocalHours(histogram, -300, 22, 6)).toBeCloseTo(0.75);
  });
});
