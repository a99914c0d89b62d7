import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@ar/auth';

@Entity({ schema: 'contracts', name: 'users' })
@Check('users_role_check', `role IN ('admin', 'finance', 'head_of_sales', 'account_manager')`)
@Check('users_not_own_deputy', `deputy_id IS NULL OR deputy_id <> id`)
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Stored lower-cased, unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index('users_deputy_id_idx')
  @Column({ name: 'deputy_id', type: 'uuid', nullable: true })
  deputyId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'deputy_id', foreignKeyConstraintName: 'users_deputy_id_fkey' })
  deputy?: User | null;

  /** While this date is today or later, the user's new tasks go to the deputy. */
  @Column({ name: 'absent_until', type: 'date', nullable: true })
  absentUntil: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
