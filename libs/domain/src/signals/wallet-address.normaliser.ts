// Wallet addresses for *linking*. The signal itself keeps the address exactly as given, because
// sanctions lists publish addresses verbatim and screening must match them.
// - Hex EVM addresses (`0x…`, 40 hex digits): the mixed case is only an EIP-55 checksum, so they
//   are lower-cased. The chain is not part of the key: one key pair controls the same address on
//   Ethereum, BSC, Polygon…, which is exactly the link we want.
// - Bech32/bech32m (`bc1…`, `ltc1…`): case-insensitive by specification, lower-cased.
// - Anything else (base58: legacy Bitcoin, Tron, Solana): case is significant, kept as given.

const EVM_HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// human-readable part, separator `1`, data in the bech32 alphabet; all one case as the spec demands.
const BECH32_ADDRESS = /^(?:[a-z]{1,83}1[02-9ac-hj-np-z]{6,}|[A-Z]{1,83}1[02-9AC-HJ-NP-Z]{6,})$/;

export function normaliseWalletAddress(raw: string): string {
  const address = raw.trim();
  if (EVM_HEX_ADDRESS.test(address) || BECH32_ADDRESS.test(address)) return address.toLowerCase();
  return address;
}
