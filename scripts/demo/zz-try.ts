import { validateSignal } from '@tns/domain/signals';
import { generateMarketplace } from './marketplace-generator';
(async () => {
  const t = Date.now();
  const m = await generateMarketplace({ seed: 's1', accounts: Number(process.argv[2] ?? 3000), days: 21, startAt: '2026-05-01T00:00:00Z' });
  console.log('ms', Date.now() - t, 'signals', m.signals.length, 'accounts', m.truth.size);
  const byType = new Map<string, number>(); for (const s of m.signals) byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
  console.log(byType);
  const byKind = new Map<string, number>(); for (const v of m.truth.values()) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
  console.log(byKind);
  const now = new Date('2026-06-01T00:00:00Z');
  let bad = 0; for (const [i, s] of m.signals.entries()) { const r = validateSignal(s, i, now); if (!r.ok) { if (bad++ < 5) console.log(r.error, JSON.stringify(s)); } }
  console.log('invalid', bad);
})();
