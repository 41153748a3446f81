/** Review-tool roles, least to most powerful. */
export const MODERATOR_ROLES = ['moderator', 'senior', 'admin'] as const;
export type ModeratorRole = (typeof MODERATOR_ROLES)[number];

export function isModeratorRole(value: string): value is ModeratorRole {
  return (MODERATOR_ROLES as readonly string[]).includes(value);
}

/** True when `role` carries at least the powers of `required`. */
export function roleAtLeast(role: ModeratorRole, required: ModeratorRole): boolean {
  return MODERATOR_ROLES.indexOf(role) >= MODERATOR_ROLES.indexOf(required);
}
