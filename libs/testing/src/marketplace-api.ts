// The marketplace API (ingestion, all-in-one) and the moderation API as a client sees them.

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { index: number; id: string | null; path: string; message: string }[];
}

export interface GraphqlAnswer {
  status: number;
  body: { data?: GraphqlData; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

interface GraphqlData {
  ingestSignals?: IngestAnswer;
  pipelineStatus?: { backlog: number; oldestPendingAgeMs: number | null };
  [field: string]: unknown;
}

/** POSTs a GraphQL request to `<url>/graphql`, with `Authorization: Bearer <bearer>` when given. */
export async function graphql(
  url: string,
  bearer: string | null | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

/** POST /v1/signals with an NDJSON body. */
export async function postNdjson(
  url: string,
  key: string | null,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${url}/v1/signals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

export const INGEST_MUTATION = `mutation Ingest($signals: [SignalInput!]!) {
  ingestSignals(signals: $signals) { accepted duplicates rejected errors { index id path message } }
}`;

export async function ingestGraphql(url: string, key: string, signals: unknown[]): Promise<IngestAnswer> {
  const answer = await graphql(url, key, INGEST_MUTATION, { signals });
  if (!answer.body.data?.ingestSignals) throw new Error(`ingestSignals failed: ${JSON.stringify(answer.body)}`);
  return answer.body.data.ingestSignals;
}

export async function pipelineStatus(url: string, key: string): Promise<{ backlog: number; oldestPendingAgeMs: number | null }> {
  const answer = await graphql(url, key, '{ pipelineStatus { backlog oldestPendingAgeMs } }');
  if (!answer.body.data) throw new Error(JSON.stringify(answer.body));
  if (!answer.body.data.pipelineStatus) throw new Error(JSON.stringify(answer.body));
  return answer.body.data.pipelineStatus;
}

export const toNdjson = (signals: unknown[]): string => signals.map((signal) => JSON.stringify(signal)).join('\n') + '\n';
