/** What the identity graph needs of an account to decide links: columns kept beside its features, so no state is loaded whole. */
export interface AccountLinkAttributes {
  accountId: string;
  agencyAccountId: string | null;
  bioSignature: string | null;
  photoHash: string | null;
  /** Clients with a contract with this account as freelancer. */
  hiredBy: string[];
  /** Clients that gave this account a 5-star review. */
  fiveStarredBy: string[];
}

/**
 * The SET list deriving the link-attribute columns from a feature state (`source`, a jsonb
 * expression): one definition for the writes and for the migration that added the columns.
 */
export const LINK_ATTRIBUTE_COLUMNS = (source: string): string => `
  agency_account_id = ${source} #>> '{registration,value,agencyAccountId}',
  bio_signature = ${source} #>> '{profile,bioSignature,value}',
  photo_hash = ${source} #>> '{profile,photoHash,value}',
  hired_by = ARRAY(SELECT DISTINCT c->>'counterpartId' FROM jsonb_array_elements(${source} #> '{work,contractsAsFreelancer}') AS c ORDER BY 1),
  five_starred_by = ARRAY(SELECT DISTINCT r->>'counterpartId' FROM jsonb_array_elements(${source} #> '{work,reviewsReceived}') AS r
                          WHERE (r->>'rating')::numeric = 5 ORDER BY 1)`;
