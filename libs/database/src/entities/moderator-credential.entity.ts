import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ModeratorCredentialKind = 'login_token' | 'session';

/**
 * A hashed bearer secret of a moderator: a one-time login token (used once, then spent)
 * or a short-lived session token obtained by exchanging it.
 */
@Entity({ name: 'moderator_credential' })
export class ModeratorCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'moderator_id', type: 'uuid' })
  moderatorId!: string;

  @Column({ type: 'text' })
  kind!: ModeratorCredentialKind;

  @Column({ name: 'secret_hash', type: 'text', unique: true })
  secretHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'spent_at', type: 'timestamptz', nullable: true })
  spentAt!: Date | null;
}
