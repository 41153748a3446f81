import type { TestDatabase } from '@tns/testing';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __testDatabase?: TestDatabase }).__testDatabase?.drop();
}
