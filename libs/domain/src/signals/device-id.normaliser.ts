// Device and MFA device ids are opaque tokens minted by the marketplace's SDK: only surrounding
// whitespace (a copy-paste or logging artefact) is removed; case may be significant.
export function normaliseDeviceId(raw: string): string {
  return raw.trim();
}
