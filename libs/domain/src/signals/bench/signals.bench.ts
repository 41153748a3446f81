// Throughput of the signal model on one core, on a realistic mix of all 13 types.
// Run: node -r @swc-node/register libs/domain/src/signals/bench/signals.bench.ts [count]
// Prints signals/s for: validation alone; validation + identifier extraction + HMAC + redaction;
// and the same preceded by JSON.parse of each NDJSON line (what the bulk endpoint does).

import { pseudonymiseSignal, Pseudonymiser, validateSignal } from '../index';

// Weights reflect a marketplace's traffic: sessions dominate, registrations and payouts are rare.
const MIX: ReadonlyArray<[weight: number, make: (i: number) => Record<string, unknown>]> = [
  [30, (i) => ({ sessionId: `s_${i % 5000}`, ip: ip(i), activeMinutes: 1 + (i % 60) })],
  [
    14,
    (i) => ({
      sessionId: `s_${i % 5000}`,
      ip: i % 3 === 0 ? `2001:db8:${(i % 65535).toString(16)}::${(i % 4000).toString(16)}` : ip(i),
      deviceId: `dev-${i % 20000}`,
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      browserTimezone: i % 2 ? 'Asia/Shanghai' : 'America/New_York',
      languages: ['en-US', 'en', 'ko'],
      rttMs: 40 + (i % 300),
      mfaDeviceId: i % 4 === 0 ? `mfa-${i % 9000}` : undefined,
    }),
  ],
  [10, (i) => ({ sessionId: `s_${i % 5000}` })],
  [
    8,
    (i) => ({
      sessionId: `s_${i % 5000}`,
      deviceId: `dev-${i % 20000}`,
      remoteAccessTools: ['anydesk'],
      listeningPorts: [3389, 5900],
      ipKvmSuspected: i % 50 === 0,
    }),
  ],
  [
    8,
    (i) => ({
      displayName: `Dev ${i}`,
      city: 'Austin',
      timezone: 'America/Chicago',
      headline: 'Senior full-stack engineer (React, Node, AWS)',
      bio: 'I build web apps. '.repeat(20),
      photoHash: 'a1b2c3d4e5f60718',
      skills: ['react', 'node', 'typescript', 'aws', 'postgres'],
    }),
  ],
  [6, (i) => ({ contractId: `c_${i}`, clientAccountId: `u_${i % 777}` })],
  [5, (i) => ({ contractId: `c_${i}`, subjectAccountId: `u_${i % 777}`, rating: 1 + (i % 5) })],
  [5, (i) => ({ methodId: `m_${i % 3000}`, amount: 1250.5, currency: 'USD' })],
  [
    4,
    (i) => ({
      role: 'freelancer',
      email: `John.Doe+${i}@GoogleMail.com`,
      phone: '(415) 555-2671',
      displayName: `John ${i}`,
      country: 'US',
      timezone: 'America/Los_Angeles',
    }),
  ],
  [
    3,
    (i) => ({
      provider: 'onfido',
      status: 'approved',
      legalName: 'Kim Chol',
      dateOfBirth: '1990-02-28',
      nationality: 'US',
      documentCountry: 'US',
      documentType: 'passport',
      documentNumber: `X${1000000 + i}`,
      livenessPassed: true,
      faceMatchScore: 0.93,
    }),
  ],
  [
    3,
    (i) =>
      i % 2
        ? {
            methodId: `m_${i}`,
            kind: 'bank',
            instrument: 'DE89 3704 0044 0532 0130 00',
            holderName: 'John Doe',
            country: 'DE',
            currency: 'EUR',
          }
        : {
            methodId: `m_${i}`,
            kind: 'crypto',
            instrument: '0x52908400098527886E0F7030069857D2E4169EE7',
            currency: 'USDT',
            chain: 'ethereum',
          },
  ],
  [
    2,
    (i) => ({
      kind: 'shipping',
      line1: `${i % 300} Main Street`,
      line2: 'Apt 4',
      city: 'Phoenix',
      region: 'AZ',
      postalCode: '85001',
      country: 'US',
    }),
  ],
  [
    2,
    (i) => ({
      subjectAccountId: `u_${i % 777}`,
      category: 'off_platform_payment',
      text: 'Asked me to pay outside the platform.',
    }),
  ],
];
const TYPES = [
  'session.activity',
  'session.started',
  'session.ended',
  'desktop.telemetry',
  'profile.updated',
  'contract.started',
  'review.posted',
  'payout.requested',
  'account.registered',
  'identity.verified',
  'payout_method.added',
  'address.changed',
  'report.filed',
];

function ip(i: number): string {
  return `${11 + (i % 200)}.${(i >> 3) % 256}.${(i >> 7) % 256}.${i % 256}`;
}

function makeLines(count: number): string[] {
  const totalWeight = MIX.reduce((sum, [w]) => sum + w, 0);
  const lines: string[] = [];
  const base = Date.parse('2026-11-20T13:45:00.000Z');
  for (let i = 0; i < count; i++) {
    let pick = (i * 7919) % totalWeight;
    let t = 0;
    while (pick >= MIX[t][0]) pick -= MIX[t++][0];
    lines.push(
      JSON.stringify({
        id: `evt_${i.toString(36)}_${(i * 2654435761) % 1e9}`,
        type: TYPES[t],
        accountId: `u_${i % 50000}`,
        occurredAt: new Date(base - i * 1000).toISOString(),
        data: MIX[t][1](i),
      }),
    );
  }
  return lines;
}

// Rates are per second of this process's CPU time (user + system) as well as per wall second:
// on a shared machine the wall clock also counts time the core spent on other processes.
function measure(label: string, count: number, run: () => void): void {
  run(); // warm-up
  const rounds = 3;
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cpuStart = process.cpuUsage();
    const wallStart = process.hrtime.bigint();
    run();
    const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    cpuRates.push(count / ((cpu.user + cpu.system) / 1e6));
    wallRates.push(count / wallSeconds);
  }
  const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[1]).toLocaleString('en-US');
  console.log(
    `${label.padEnd(44)} ${median(cpuRates).padStart(9)} signals/CPU-s  ${median(wallRates).padStart(9)} signals/wall-s`,
  );
}

function main(): void {
  const count = Number(process.argv[2] ?? 200_000);
  const lines = makeLines(count);
  const objects = lines.map((line) => JSON.parse(line) as unknown);
  const now = new Date('2026-11-20T14:00:00.000Z');
  const pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'x'.repeat(32) } });
  let sink = 0;

  measure('validate', count, () => {
    for (let i = 0; i < count; i++) if (validateSignal(objects[i], i, now).ok) sink++;
  });
  measure('validate + extract + pseudonymise + redact', count, () => {
    for (let i = 0; i < count; i++) {
      const result = validateSignal(objects[i], i, now);
      if (result.ok) sink += pseudonymiseSignal(result.signal, pseudonymiser).identifiers.length;
    }
  });
  measure('JSON.parse + all of the above', count, () => {
    for (let i = 0; i < count; i++) {
      const result = validateSignal(JSON.parse(lines[i]), i, now);
      if (result.ok) sink += pseudonymiseSignal(result.signal, pseudonymiser).identifiers.length;
    }
  });
  const invalid = objects.filter((o, i) => !validateSignal(o, i, now).ok).length;
  console.log(`(${count} signals, ${invalid} invalid, checksum ${sink})`);
}

main();
