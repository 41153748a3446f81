// The demo marketplace generator: reproducible for a seed, contract-valid signals, truthful
// labels and proportions, and IP addresses that really are what their story says.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLookupAddress, IpIntelService, parseCidrListText, Cidr } from '@tns/ip-intel';
import { Signal, SessionStartedData, validateSignal } from '@tns/domain/signals';
import { DEFAULT_IPINTEL_DIR, loadDemoIpIntel } from '../../scripts/demo/ip-pools';
import {
  DEFAULT_LOOKALIKE_SHARES,
  FRAUD_KINDS,
  GeneratedMarketplace,
  generateMarketplace,
  LOOKALIKE_KINDS,
} from '../../scripts/demo/marketplace-generator';

const OPTIONS = { seed: 'spec-seed', accounts: 500, days: 7, startAt: '2026-03-02T00:00:00.000Z' } as const;

let ipIntel: IpIntelService;
let market: GeneratedMarketplace;

beforeAll(async () => {
  ipIntel = await loadDemoIpIntel();
  market = await generateMarketplace({ ...OPTIONS, ipIntel });
});

function sessionsOf(kind: string): (Signal & { type: 'session.started' })[] {
  return market.signals.filter(
    (signal): signal is Signal & { type: 'session.started' } =>
      signal.type === 'session.started' && market.truth.get(signal.accountId)?.kind === kind,
  );
}

const ipOf = (signal: { data: SessionStartedData }): string => signal.data.ip;

/** Containment read straight from a list file: independent of the service under test. */
function listContains(file: string): (ip: string) => boolean {
  const networks = parseCidrListText(
    readFileSync(path.join(DEFAULT_IPINTEL_DIR, file), 'utf8'),
    file,
  ).networks;
  return (ip) => {
    const address = parseLookupAddress(ip)!;
    return networks.some((network) => inNetwork(address.words, address.version, network));
  };
}

function inNetwork(words: readonly number[], version: number, network: Cidr): boolean {
  if (network.address.version !== version) return false;
  let bits = network.prefixLength;
  for (let i = 0; bits > 0; i++, bits -= 32) {
    const take = Math.min(bits, 32);
    const mask = take === 32 ? 0xffffffff : ~(0xffffffff >>> take);
    if (((words[i] ^ network.address.words[i]) & mask) !== 0) return false;
  }
  return true;
}

describe('demo marketplace generator', () => {
  it('is deterministic for a seed and different for another seed', async () => {
    const again = await generateMarketplace({ ...OPTIONS, ipIntel });
    expect(again.signals).toEqual(market.signals);
    expect([...again.truth]).toEqual([...market.truth]);
    const other = await generateMarketplace({ ...OPTIONS, seed: 'another-seed', accounts: 120, ipIntel });
    expect(other.signals.slice(0, 50)).not.toEqual(market.signals.slice(0, 50));
  });

  it('emits only signals the project validator accepts, with unique ids, inside the period', () => {
    const now = new Date(market.endAt.getTime() + 60_000);
    const failures = market.signals
      .map((signal, index) => validateSignal(signal, index, now))
      .filter((result) => !result.ok);
    expect(failures.slice(0, 3)).toEqual([]);
    expect(new Set(market.signals.map((signal) => signal.id)).size).toBe(market.signals.length);
    for (const signal of market.signals) {
      expect(Date.parse(signal.occurredAt)).toBeGreaterThanOrEqual(market.startAt.getTime());
      expect(Date.parse(signal.occurredAt)).toBeLessThanOrEqual(market.endAt.getTime());
    }
  });

  it('labels every account once, registers every labelled account, and keeps the proportions', () => {
    const registered = new Set(
      market.signals.filter((s) => s.type === 'account.registered').map((s) => s.accountId),
    );
    expect(registered).toEqual(new Set(market.truth.keys()));
    expect(market.signals.every((signal) => market.truth.has(signal.accountId))).toBe(true);

    const labels = [...market.truth.values()];
    const count = (kind: string) => labels.filter((label) => label.kind === kind).length;
    const fraudulent = labels.filter((label) => label.fraudulent);
    expect(fraudulent.length / labels.length).toBeGreaterThan(0.02);
    expect(fraudulent.length / labels.length).toBeLessThan(0.06);
    expect(
      fraudulent.every((label) => (FRAUD_KINDS as readonly string[]).includes(label.kind) && label.ringId),
    ).toBe(true);
    expect(labels.filter((label) => !label.fraudulent).every((label) => label.ringId === undefined)).toBe(
      true,
    );
    for (const kind of LOOKALIKE_KINDS) {
      // Groups (households, campuses, agencies) are kept whole: a little over or under the share.
      expect(Math.abs(count(kind) - OPTIONS.accounts * DEFAULT_LOOKALIKE_SHARES[kind])).toBeLessThanOrEqual(
        3,
      );
    }
    expect(count('ordinary')).toBeGreaterThan(OPTIONS.accounts * 0.55);
    const rings = new Map<string, number>();
    for (const label of fraudulent) rings.set(label.ringId!, (rings.get(label.ringId!) ?? 0) + 1);
    expect([...rings.values()].every((members) => members >= 3 && members <= 7)).toBe(true);
  });

  it('puts privacy-VPN users on real VPN exits, Private Relay users on Apple egress, DPRK personas behind listed VPN/datacenter exits', () => {
    const inVpnList = listContains('x4bnet-lists-vpn/output/vpn/ipv4.txt');
    const inPrivacyLists = [
      'x4bnet-lists-vpn/input/vpn/ips/mullvadvpn.txt',
      'x4bnet-lists-vpn/input/vpn/ips/protonvpn.txt',
      'x4bnet-lists-vpn/input/vpn/ips/pia.txt',
    ].map(listContains);
    const inDatacenterList = listContains('x4bnet-lists-vpn/output/datacenter/ipv4.txt');
    const inRelayV4 = listContains('cloud-ip-ranges/apple-proxy/ipv4_merged.txt');
    const inRelayV6 = listContains('cloud-ip-ranges/apple-proxy/ipv6_merged.txt');
    const share = (ips: string[], test: (ip: string) => boolean) => ips.filter(test).length / ips.length;

    const privacy = [...new Set(sessionsOf('privacy-vpn').map(ipOf))];
    expect(share(privacy, (ip) => inPrivacyLists.some((contains) => contains(ip)))).toBeGreaterThan(0.7);

    const relay = [...new Set(sessionsOf('private-relay').map(ipOf))];
    expect(share(relay, (ip) => (ip.includes(':') ? inRelayV6(ip) : inRelayV4(ip)))).toBeGreaterThan(0.7);

    const persona = sessionsOf('dprk-persona').map(ipOf);
    expect(share(persona, (ip) => inVpnList(ip) || inDatacenterList(ip))).toBeGreaterThan(0.85);
  });

  it('gives ordinary people home addresses on ISPs in their claimed country, on no anonymiser list', () => {
    const claimed = new Map(
      market.signals
        .filter((s) => s.type === 'account.registered')
        .map((s) => [s.accountId, (s.data as { country: string }).country]),
    );
    const byAccount = new Map<string, Map<string, number>>();
    for (const session of sessionsOf('ordinary')) {
      const ips = byAccount.get(session.accountId) ?? new Map<string, number>();
      ips.set(session.data.ip, (ips.get(session.data.ip) ?? 0) + 1);
      byAccount.set(session.accountId, ips);
    }
    let matching = 0;
    for (const [accountId, ips] of byAccount) {
      const home = [...ips].sort((a, b) => b[1] - a[1])[0][0];
      const intel = ipIntel.lookup(home);
      if (intel.country === claimed.get(accountId) && intel.categories.length === 0) matching++;
    }
    // The rest are the few who use a VPN or their phone most of the time.
    expect(matching / byAccount.size).toBeGreaterThan(0.93);
  });

  it('shares mobile carrier addresses across unrelated CGNAT users, in their country', () => {
    const sessions = sessionsOf('mobile-cgnat');
    const usersByIp = new Map<string, Set<string>>();
    for (const session of sessions) {
      const users = usersByIp.get(session.data.ip) ?? new Set<string>();
      users.add(session.accountId);
      usersByIp.set(session.data.ip, users);
    }
    expect([...usersByIp.values()].some((users) => users.size >= 2)).toBe(true);
    const categorised = sessions.filter((session) => ipIntel.lookup(session.data.ip).categories.length > 0);
    expect(categorised.length).toBe(0);
  });

  it('keeps DPRK personas on a UTC+8/+9 working day while they claim American or European zones', () => {
    const personas = [...sessionsOf('dprk-persona'), ...sessionsOf('laptop-farm')];
    const utcHours = personas.map((session) => new Date(session.occurredAt).getUTCHours());
    // 08:00-22:00 in UTC+8/+9 is about 23:00-14:00 UTC.
    const inAsianDay = utcHours.filter((hour) => hour >= 23 || hour <= 14).length;
    expect(inAsianDay / utcHours.length).toBeGreaterThan(0.9);
    const zones = market.signals
      .filter(
        (s) =>
          s.type === 'profile.updated' &&
          FRAUD_KINDS.slice(0, 2).includes(market.truth.get(s.accountId)!.kind as never),
      )
      .map((s) => (s.data as { timezone?: string }).timezone ?? '');
    expect(zones.every((zone) => zone.startsWith('America/') || zone.startsWith('Europe/'))).toBe(true);
  });

  it('shows remote-access telemetry for laptop-farm personas from a shared US residential address', () => {
    const farm = sessionsOf('laptop-farm');
    if (farm.length === 0) return; // no farm ring in this small sample
    const usersByIp = new Map<string, Set<string>>();
    for (const session of farm)
      usersByIp.set(session.data.ip, (usersByIp.get(session.data.ip) ?? new Set()).add(session.accountId));
    const [sharedIp] = [...usersByIp].sort((a, b) => b[1].size - a[1].size)[0];
    const intel = ipIntel.lookup(sharedIp);
    expect(intel.country).toBe('US');
    expect(intel.categories).toEqual([]);
    expect(usersByIp.get(sharedIp)!.size).toBeGreaterThanOrEqual(2);
    const telemetry = market.signals.filter(
      (s) => s.type === 'desktop.telemetry' && market.truth.get(s.accountId)?.kind === 'laptop-farm',
    );
    expect(telemetry.length).toBeGreaterThan(0);
  });
});
