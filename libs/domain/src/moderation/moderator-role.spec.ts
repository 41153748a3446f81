import { isModeratorRole, roleAtLeast } from './moderator-role';

describe('moderator roles', () => {
  it('orders roles by power', () => {
    expect(roleAtLeast('admin', 'senior')).toBe(true);
    expect(roleAtLeast('senior', 'senior')).toBe(true);
    expect(roleAtLeast('moderator', 'senior')).toBe(false);
  });
  it('recognises only the three roles', () => {
    expect(isModeratorRole('senior')).toBe(true);
    expect(isModeratorRole('root')).toBe(false);
  });
});
