// One mailbox, one spelling: `John.Doe+upwork@GoogleMail.com` and `johndoe@gmail.com` reach the
// same inbox, so they must give the same pseudonym. Fraud rings rely on exactly these variants
// to register many accounts on one inbox.

interface MailboxRule {
  /** The domain every alias domain of the provider is folded into. */
  canonicalDomain: string;
  /** The provider delivers `j.o.h.n` to `john`. Only Gmail is known to; elsewhere dots matter. */
  ignoresDots: boolean;
  /** Everything from this character on is a sub-address tag the provider ignores. */
  tagSeparator: '+' | '-';
}

const gmail: MailboxRule = { canonicalDomain: 'gmail.com', ignoresDots: true, tagSeparator: '+' };
// Proton gives every account the same user name on all its domains.
const proton: MailboxRule = { canonicalDomain: 'proton.me', ignoresDots: false, tagSeparator: '+' };
// Apple: me.com and mac.com addresses are aliases of the iCloud account, one shared name space.
const icloud: MailboxRule = { canonicalDomain: 'icloud.com', ignoresDots: false, tagSeparator: '+' };

const PROVIDERS_BY_DOMAIN: ReadonlyMap<string, MailboxRule> = new Map([
  ['gmail.com', gmail],
  ['googlemail.com', gmail],
  ['proton.me', proton],
  ['protonmail.com', proton],
  ['protonmail.ch', proton],
  ['pm.me', proton],
  ['icloud.com', icloud],
  ['me.com', icloud],
  ['mac.com', icloud],
  ['fastmail.com', { canonicalDomain: 'fastmail.com', ignoresDots: false, tagSeparator: '+' }],
  ['fastmail.fm', { canonicalDomain: 'fastmail.fm', ignoresDots: false, tagSeparator: '+' }],
  ['yandex.com', { canonicalDomain: 'yandex.com', ignoresDots: false, tagSeparator: '+' }],
  ['yandex.ru', { canonicalDomain: 'yandex.ru', ignoresDots: false, tagSeparator: '+' }],
  ['zohomail.com', { canonicalDomain: 'zohomail.com', ignoresDots: false, tagSeparator: '+' }],
]);

// Providers with many country domains, each its own name space (hotmail.com ≠ hotmail.fr).
// Microsoft ignores `+tags`; Yahoo's disposable addresses are `name-tag` and its names have no `-`.
const COUNTRY_SUFFIX = '(?:[a-z]{2,3}|co\\.[a-z]{2}|com\\.[a-z]{2})';
const MICROSOFT_DOMAIN = new RegExp(`^(?:hotmail|outlook|live|msn)\\.${COUNTRY_SUFFIX}$`);
const YAHOO_DOMAIN = new RegExp(`^(?:yahoo\\.${COUNTRY_SUFFIX}|ymail\\.com|rocketmail\\.com)$`);

function mailboxRuleFor(domain: string): MailboxRule | undefined {
  const known = PROVIDERS_BY_DOMAIN.get(domain);
  if (known !== undefined) return known;
  if (MICROSOFT_DOMAIN.test(domain))
    return { canonicalDomain: domain, ignoresDots: false, tagSeparator: '+' };
  if (YAHOO_DOMAIN.test(domain)) return { canonicalDomain: domain, ignoresDots: false, tagSeparator: '-' };
  return undefined;
}

/**
 * Lower-cases the address (no provider treats local parts case-sensitively in practice), drops a
 * trailing dot of the domain, then applies the provider's own aliasing rules when it is known.
 * Unknown domains keep dots and tags: a company server may well deliver `a+b` to someone else.
 */
export function normaliseEmail(raw: string): string {
  const address = raw.trim().normalize('NFC').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  const rule = mailboxRuleFor(domain);
  if (rule === undefined) return `${local}@${domain}`;
  const tagStart = local.indexOf(rule.tagSeparator);
  // A local part that *starts* with the separator is not a tag: keep it whole rather than empty it.
  if (tagStart > 0) local = local.slice(0, tagStart);
  if (rule.ignoresDots) local = local.replaceAll('.', '');
  return `${local}@${rule.canonicalDomain}`;
}
