/** What a marketplace API key may do (contract §2). */
export const API_SCOPES = ['signals:write', 'risk:read', 'decisions:read', 'webhooks:manage'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Parses a comma-separated scope list; throws naming the first unknown scope. */
export function parseApiScopes(csv: string): ApiScope[] {
  const scopes = [...new Set(csv.split(',').map((scope) => scope.trim()).filter(Boolean))];
  if (scopes.length === 0) throw new Error(`no scopes given (known: ${API_SCOPES.join(', ')})`);
  for (const scope of scopes) {
    if (!isApiScope(scope)) throw new Error(`unknown scope "${scope}" (known: ${API_SCOPES.join(', ')})`);
  }
  return scopes as ApiScope[];
}
