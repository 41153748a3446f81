import { generateMarketplace } from './marketplace-generator';
import { loadDemoIpIntel } from './ip-pools';
import { CITY_COORDINATES } from './world';
(async () => {
  const ipIntel = await loadDemoIpIntel();
  const t = Date.now();
  const m = await generateMarketplace({ seed: 'tns-demo-1', accounts: Number(process.argv[2] ?? 3000), days: 21, startAt: '2026-11-02T20:00:00.000Z', ipIntel });
  console.log('ms', Date.now() - t, 'signals', m.signals.length);
  const city = new Map<string, string>();
  for (const s of m.signals) if (s.type === 'profile.updated' && s.data.city) city.set(s.accountId, s.data.city);
  const home = new Map<string, Map<string, number>>();
  for (const s of m.signals) if (s.type === 'session.started' && m.truth.get(s.accountId)!.kind === 'ordinary') { const h = home.get(s.accountId) ?? new Map(); h.set(s.data.ip, (h.get(s.data.ip) ?? 0) + 1); home.set(s.accountId, h); }
  const d: number[] = [];
  for (const [id, h] of home) { const ip = [...h].sort((a, b) => b[1] - a[1])[0][0]; const i = ipIntel.lookup(ip); const c = CITY_COORDINATES[city.get(id)!]; if (!c || i.latitude === undefined) continue; const rad = Math.PI / 180; const a = Math.sin((i.latitude - c[0]) * rad / 2) ** 2 + Math.cos(c[0] * rad) * Math.cos(i.latitude * rad) * Math.sin((i.longitude! - c[1]) * rad / 2) ** 2; d.push(2 * 6371 * Math.asin(Math.sqrt(a))); }
  d.sort((a, b) => a - b);
  console.log('home distance km p50', d[d.length >> 1] | 0, 'p90', d[(d.length * 0.9) | 0] | 0, 'p99', d[(d.length * 0.99) | 0] | 0, 'n', d.length);
})();
