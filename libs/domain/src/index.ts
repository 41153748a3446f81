// The pure domain: types and rules, no Nest, no TypeORM, no I/O.
// Subdomains are imported by path (`@tns/domain/signals`, `@tns/domain/sanctions`, …).
export {};
