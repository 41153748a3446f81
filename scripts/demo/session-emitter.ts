// Turns an account plan into its account-level signals and its sessions: a daily rhythm in a
// real zone, 15-60 minute activity slices, a device per session, the connection of wherever the
// person is that day, occasional desktop-app telemetry.

import { AccountPlan, Stay } from './account-plan';
import { Device } from './devices';
import { Random } from './prng';
import { SignalSink } from './signal-sink';
import { atLocalHour, localMidnight, localWeekday } from './time-zones';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface EmittedActivity {
  /** Session start instants, for placing contracts, reviews and payouts inside real sessions. */
  readonly sessionStarts: number[];
}

export function stayAt(plan: AccountPlan, at: number): Stay {
  // Between two stays (a travel day) the person is still where they last were: never teleported ahead.
  let current = plan.stays[0];
  for (const stay of plan.stays) if (stay.from <= at) current = stay;
  return current;
}

export function emitAccount(
  plan: AccountPlan,
  rng: Random,
  sink: SignalSink,
  endAt: number,
): EmittedActivity {
  emitProfileSignals(plan, sink);
  const sessionStarts: number[] = [];
  // The sign-up itself happens in a session.
  emitSession(plan, rng, sink, plan.registeredAt - rng.int(2, 6) * MINUTE, rng.int(12, 35), sessionStarts);
  for (const [start, minutes] of workSessions(plan, rng, endAt)) {
    emitSession(plan, rng, sink, start, minutes, sessionStarts);
  }
  return { sessionStarts };
}

function emitProfileSignals(plan: AccountPlan, sink: SignalSink): void {
  sink.emit('account.registered', plan.id, plan.registeredAt, plan.registration);
  for (const { at, data } of plan.profiles) sink.emit('profile.updated', plan.id, at, data);
  for (const { at, data } of plan.identityChecks) sink.emit('identity.verified', plan.id, at, data);
  for (const { at, data } of plan.addresses) sink.emit('address.changed', plan.id, at, data);
  for (const { at, data } of plan.payoutMethods) sink.emit('payout_method.added', plan.id, at, data);
}

/** [start, minutes] of every working session after registration, by the plan's rhythm. */
function workSessions(plan: AccountPlan, rng: Random, endAt: number): [number, number][] {
  const { rhythm } = plan;
  const sessions: [number, number][] = [];
  const seenDays = new Set<number>();
  for (let probe = plan.registeredAt - DAY; probe < endAt + DAY; probe += DAY) {
    const zone = rhythm.timeZone ?? stayAt(plan, probe).timeZone;
    const midnight = localMidnight(zone, probe);
    if (seenDays.has(midnight)) continue;
    seenDays.add(midnight);
    const weekday = localWeekday(zone, midnight + 12 * HOUR);
    const weekend = (rhythm.weekend ?? [0, 6]).includes(weekday);
    if (!rng.chance(weekend ? rhythm.weekendProbability : rhythm.weekdayProbability)) continue;
    const windowStart = atLocalHour(zone, midnight, rhythm.startHour + rng.between(-0.75, 0.75));
    const windowEnd = atLocalHour(zone, midnight, rhythm.endHour + rng.between(-0.75, 0.75));
    const count = rng.int(rhythm.sessionsPerDay[0], rhythm.sessionsPerDay[1]);
    const slot = (windowEnd - windowStart) / count;
    for (let i = 0; i < count; i++) {
      const minutes = Math.min(
        rng.int(rhythm.sessionMinutes[0], rhythm.sessionMinutes[1]),
        Math.floor((slot * 0.9) / MINUTE),
      );
      const start = windowStart + i * slot + rng.next() * Math.max(slot - minutes * MINUTE, 0);
      if (start > plan.registeredAt + 30 * MINUTE && start < endAt)
        sessions.push([start, Math.max(minutes, 15)]);
    }
  }
  return sessions;
}

function pickDevice(plan: AccountPlan, rng: Random): Device {
  return rng.weighted(plan.devices);
}

function emitSession(
  plan: AccountPlan,
  rng: Random,
  sink: SignalSink,
  start: number,
  minutes: number,
  starts: number[],
): void {
  const stay = stayAt(plan, start);
  const device = pickDevice(plan, rng);
  const connection = stay.connect(rng, start);
  const sessionId = `s_${rng.hex(20)}`;
  starts.push(start);
  sink.emit('session.started', plan.id, start, {
    sessionId,
    ip: connection.ip,
    deviceId: device.deviceId,
    userAgent: device.userAgent,
    browserTimezone: device.timeZone ?? stay.timeZone,
    languages: [...device.languages],
    ...(rng.chance(plan.rttShare) ? { rttMs: Math.round(connection.rttMs) } : {}),
  });
  if (
    plan.desktop &&
    plan.desktop.deviceId === device.deviceId &&
    rng.chance(plan.desktop.habit.probability)
  ) {
    const { habit } = plan.desktop;
    sink.emit('desktop.telemetry', plan.id, start + rng.int(1, 5) * MINUTE, {
      sessionId,
      deviceId: device.deviceId,
      remoteAccessTools: [...habit.tools],
      listeningPorts: [...habit.listeningPorts],
      ...(habit.ipKvmSuspected !== undefined ? { ipKvmSuspected: habit.ipKvmSuspected } : {}),
    });
  }
  let at = start;
  const end = start + minutes * MINUTE;
  while (at < end) {
    const slice = Math.min(rng.int(15, 60), Math.max(Math.round((end - at) / MINUTE), 1));
    at += slice * MINUTE;
    const activeMinutes = Math.max(1, Math.min(slice, Math.round(slice * rng.between(0.35, 1))));
    sink.emit('session.activity', plan.id, at, {
      sessionId,
      ...(rng.chance(0.4) ? { ip: connection.ip } : {}),
      activeMinutes,
    });
  }
  // Browsers closed without logging out leave sessions open; marketplaces time them out silently.
  if (rng.chance(0.85)) sink.emit('session.ended', plan.id, at + rng.int(0, 3) * MINUTE, { sessionId });
}
