// Red flag (advisory; Okta): one stolen or fabricated identity reused for several personas — the
// same identity document, or the same legal name and date of birth, verified on different accounts.

import { specificSharedEntities } from '../graph-context';
import { type Detector, type Reason, weighReason } from '../reason';

export const detectSharedIdentity: Detector = (_features, { policy, graph }) => {
  const reasons: Reason[] = [];
  const documents = specificSharedEntities(graph, ['document']);
  if (documents.length > 0) {
    const others = otherAccounts(documents);
    reasons.push(
      ...weighReason(policy, 'DOCUMENT_SHARED', 1, `the same identity document was used by ${others.length} other account(s)`, { otherAccounts: others }),
    );
  }
  const namesAndBirthDates = specificSharedEntities(graph, ['name-dob']);
  if (namesAndBirthDates.length > 0) {
    const others = otherAccounts(namesAndBirthDates);
    reasons.push(
      ...weighReason(policy, 'NAME_AND_BIRTH_DATE_SHARED', 1, `the same legal name and date of birth appear on ${others.length} other account(s)`, {
        otherAccounts: others,
      }),
    );
  }
  return reasons;
};

function otherAccounts(entities: readonly { others: readonly { accountId: string }[] }[]): string[] {
  return [...new Set(entities.flatMap((entity) => entity.others.map((other) => other.accountId)))].sort();
}
