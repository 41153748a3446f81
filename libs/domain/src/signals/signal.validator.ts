// Validation of incoming signals (CONTRACT.md §3). One bad signal yields one error for that
// signal alone; the caller stores the rest of the batch.
//
// Decisions:
// - Unknown fields in `data` and at the top level are ignored *and dropped* from the validated
//   signal. Ignored, for forward compatibility (a marketplace may send a field we add later);
//   dropped, because we cannot know whether an unknown field carries a raw personal identifier
//   that would then escape pseudonymisation, and so that stored rows stay within known bounds.
// - An optional field sent as `null` is treated as absent: many serialisers emit nulls.
// - The first problem found is reported (fields in declaration order), one error per signal.

import {
  arrayOf,
  boolean,
  calendarDate,
  Check,
  countryCode,
  currencyCode,
  Invalid,
  ipAddress,
  languageTag,
  numberIn,
  oneOf,
  perceptualHash,
  shapedText,
  text,
  timeZone,
} from './field.checks';
import { MAX_FUTURE_SKEW_MS, MAX_ITEMS, MAX_LENGTH, NUMBER_RANGE } from './signal-field-limits.constants';
import { parseRfc3339 } from './rfc3339.parser';
import {
  ACCOUNT_ROLES,
  ADDRESS_KINDS,
  DOCUMENT_TYPES,
  PAYOUT_METHOD_KINDS,
  Signal,
  SIGNAL_TYPES,
  SignalDataByType,
  SignalError,
  SignalType,
  SignalValidationResult,
  VERIFICATION_STATUSES,
} from './signal.types';

interface FieldSpec<V, R extends boolean> {
  readonly required: R;
  readonly check: Check<V>;
}

// Ties each spec to its interface: a field missing from the spec, a required/optional mismatch
// or a check of the wrong value type is a compile error.
type DataSpec<T> = {
  readonly [K in keyof T]-?: FieldSpec<Exclude<T[K], undefined>, undefined extends T[K] ? false : true>;
};

const required = <V>(check: Check<V>): FieldSpec<V, true> => ({ required: true, check });
const optional = <V>(check: Check<V>): FieldSpec<V, false> => ({ required: false, check });

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
// Digits and the punctuation people format numbers with, an optional leading +, an optional extension.
const PHONE_SHAPE = /^\+?[\d\s()./-]*\d[\d\s()./-]*(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/i;

const opaqueId = text(MAX_LENGTH.id, { printable: true });
const name = text(MAX_LENGTH.name);
const email = shapedText(
  text(MAX_LENGTH.email),
  (v) => EMAIL_SHAPE.test(v),
  'expected an e-mail address of at most 320 characters',
);
const phone = shapedText(
  text(MAX_LENGTH.phone),
  (v) => PHONE_SHAPE.test(v),
  'expected a phone number of at most 32 characters',
);
const deviceId = text(MAX_LENGTH.deviceId);
const currency = currencyCode(MAX_LENGTH.currency);

const DATA_SPECS: { readonly [T in SignalType]: DataSpec<SignalDataByType[T]> } = {
  'account.registered': {
    role: required(oneOf(ACCOUNT_ROLES)),
    email: required(email),
    phone: optional(phone),
    displayName: required(name),
    country: required(countryCode),
    timezone: optional(timeZone),
    agencyAccountId: optional(opaqueId),
    referrerAccountId: optional(opaqueId),
  },
  'profile.updated': {
    displayName: optional(name),
    legalName: optional(name),
    country: optional(countryCode),
    city: optional(text(MAX_LENGTH.city)),
    timezone: optional(timeZone),
    headline: optional(text(MAX_LENGTH.headline, { min: 0 })),
    bio: optional(text(MAX_LENGTH.bio, { min: 0, multiline: true })),
    photoHash: optional(perceptualHash),
    skills: optional(arrayOf(text(MAX_LENGTH.skill), MAX_ITEMS.skills)),
  },
  'identity.verified': {
    provider: required(text(MAX_LENGTH.identityProvider)),
    status: required(oneOf(VERIFICATION_STATUSES)),
    legalName: optional(name),
    dateOfBirth: optional(calendarDate),
    nationality: optional(countryCode),
    documentCountry: optional(countryCode),
    documentType: optional(oneOf(DOCUMENT_TYPES)),
    documentNumber: optional(text(MAX_LENGTH.documentNumber)),
    livenessPassed: optional(boolean),
    faceMatchScore: optional(numberIn(NUMBER_RANGE.faceMatchScore)),
  },
  'session.started': {
    sessionId: required(opaqueId),
    ip: required(ipAddress),
    deviceId: optional(deviceId),
    userAgent: optional(text(MAX_LENGTH.userAgent)),
    browserTimezone: optional(timeZone),
    languages: optional(arrayOf(languageTag, MAX_ITEMS.languages)),
    rttMs: optional(numberIn(NUMBER_RANGE.rttMs)),
    mfaDeviceId: optional(deviceId),
  },
  'session.activity': {
    sessionId: required(opaqueId),
    ip: optional(ipAddress),
    activeMinutes: required(numberIn({ ...NUMBER_RANGE.activeMinutes, integer: true })),
  },
  'session.ended': {
    sessionId: required(opaqueId),
  },
  'desktop.telemetry': {
    sessionId: optional(opaqueId),
    deviceId: optional(deviceId),
    remoteAccessTools: optional(arrayOf(text(MAX_LENGTH.remoteAccessTool), MAX_ITEMS.remoteAccessTools)),
    listeningPorts: optional(
      arrayOf(numberIn({ ...NUMBER_RANGE.listeningPort, integer: true }), MAX_ITEMS.listeningPorts),
    ),
    ipKvmSuspected: optional(boolean),
  },
  'payout_method.added': {
    methodId: required(opaqueId),
    kind: required(oneOf(PAYOUT_METHOD_KINDS)),
    instrument: required(text(MAX_LENGTH.payoutInstrument)),
    holderName: optional(name),
    country: optional(countryCode),
    currency: optional(currency),
    chain: optional(text(MAX_LENGTH.chain)),
  },
  'payout.requested': {
    methodId: required(opaqueId),
    amount: required(numberIn({ ...NUMBER_RANGE.payoutAmount, exclusiveMin: true })),
    currency: required(currency),
  },
  'address.changed': {
    kind: required(oneOf(ADDRESS_KINDS)),
    line1: optional(text(MAX_LENGTH.addressLine)),
    line2: optional(text(MAX_LENGTH.addressLine)),
    city: optional(text(MAX_LENGTH.city)),
    region: optional(text(MAX_LENGTH.region)),
    postalCode: optional(text(MAX_LENGTH.postalCode)),
    country: required(countryCode),
  },
  'contract.started': {
    contractId: required(opaqueId),
    clientAccountId: required(opaqueId),
  },
  'review.posted': {
    contractId: required(opaqueId),
    subjectAccountId: required(opaqueId),
    rating: required(numberIn(NUMBER_RANGE.rating)),
  },
  'report.filed': {
    subjectAccountId: required(opaqueId),
    category: required(text(MAX_LENGTH.reportCategory)),
    text: optional(text(MAX_LENGTH.reportText, { min: 0, multiline: true })),
  },
};

interface CompiledField {
  readonly name: string;
  readonly path: string;
  readonly required: boolean;
  readonly check: Check<unknown>;
}

// Pre-computed once so the per-signal loop does no key enumeration or string building.
const COMPILED_SPECS = new Map<string, readonly CompiledField[]>(
  SIGNAL_TYPES.map((type) => [
    type,
    Object.entries(DATA_SPECS[type] as Record<string, FieldSpec<unknown, boolean>>).map(([field, spec]) => ({
      name: field,
      path: `data.${field}`,
      required: spec.required,
      check: spec.check,
    })),
  ]),
);

const SIGNAL_ID_DETAIL = `expected a non-empty string of at most ${MAX_LENGTH.id} printable characters`;
const UNKNOWN_TYPE_DETAIL = `expected one of ${SIGNAL_TYPES.map((t) => `"${t}"`).join(', ')}`;

class FieldFailure {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateData(
  fields: readonly CompiledField[],
  data: Record<string, unknown>,
): Record<string, unknown> | FieldFailure {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined || value === null) {
      if (field.required) return new FieldFailure(field.path, 'is required');
      continue;
    }
    const result = field.check(value);
    if (result instanceof Invalid) return new FieldFailure(field.path + result.subPath, result.detail);
    out[field.name] = result;
  }
  return out;
}

const CHAR_T = 0x54;
const CHAR_DOT = 0x2e;
const CHAR_Z = 0x5a;
const CHAR_6 = 0x36;

// Most senders already use `toISOString()` output; a valid timestamp of that exact shape needs no
// rewrite. A leap second (`:60`) is the exception: it is rewritten to :59.999.
function isCanonicalUtc(timestamp: string): boolean {
  return (
    timestamp.length === 24 &&
    timestamp.charCodeAt(10) === CHAR_T &&
    timestamp.charCodeAt(19) === CHAR_DOT &&
    timestamp.charCodeAt(23) === CHAR_Z &&
    timestamp.charCodeAt(17) !== CHAR_6
  );
}

function failure(index: number, id: string | null, path: string, detail: string): SignalValidationResult {
  return { ok: false, error: { index, id, path, message: path === '' ? detail : `${path}: ${detail}` } };
}

/**
 * Validates one signal. `index` is its position in the batch (echoed in the error);
 * `now` is the server clock that bounds `occurredAt` from above.
 */
export function validateSignal(input: unknown, index: number, now: Date): SignalValidationResult {
  if (!isPlainObject(input)) return failure(index, null, '', 'expected a JSON object');

  const id = opaqueId(input.id);
  if (id instanceof Invalid) return failure(index, null, 'id', SIGNAL_ID_DETAIL);

  const type = input.type;
  const fields = typeof type === 'string' ? COMPILED_SPECS.get(type) : undefined;
  if (fields === undefined) return failure(index, id, 'type', UNKNOWN_TYPE_DETAIL);

  const accountId = opaqueId(input.accountId);
  if (accountId instanceof Invalid) return failure(index, id, 'accountId', SIGNAL_ID_DETAIL);

  const occurredAtMs = typeof input.occurredAt === 'string' ? parseRfc3339(input.occurredAt) : null;
  if (occurredAtMs === null) {
    return failure(
      index,
      id,
      'occurredAt',
      'expected an RFC 3339 date-time with offset, e.g. "2026-11-20T13:45:00.000Z"',
    );
  }
  if (occurredAtMs > now.getTime() + MAX_FUTURE_SKEW_MS) {
    return failure(index, id, 'occurredAt', 'is more than 5 minutes in the future');
  }

  if (!isPlainObject(input.data)) return failure(index, id, 'data', 'expected an object');
  const data = validateData(fields, input.data);
  if (data instanceof FieldFailure) return failure(index, id, data.path, data.detail);

  const occurredAt = isCanonicalUtc(input.occurredAt as string)
    ? (input.occurredAt as string)
    : new Date(occurredAtMs).toISOString();
  const signal = { id, type, accountId, occurredAt, data } as Signal;
  return { ok: true, signal };
}

export interface SignalBatchValidation {
  signals: Signal[];
  errors: SignalError[];
  /** For each entry of `signals`, its index in the batch (errors carry theirs). */
  indexes: number[];
}

/** Validates every signal of a batch; `firstIndex` offsets indexes when a stream is cut into batches. */
export function validateSignalBatch(
  inputs: readonly unknown[],
  now: Date,
  firstIndex = 0,
): SignalBatchValidation {
  const batch: SignalBatchValidation = { signals: [], errors: [], indexes: [] };
  for (let i = 0; i < inputs.length; i++) {
    const result = validateSignal(inputs[i], firstIndex + i, now);
    if (result.ok) {
      batch.signals.push(result.signal);
      batch.indexes.push(firstIndex + i);
    } else {
      batch.errors.push(result.error);
    }
  }
  return batch;
}
