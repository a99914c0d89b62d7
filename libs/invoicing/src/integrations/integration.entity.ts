import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A finance system allowed to push signed events. Secrets are never returned after creation. */
@Entity({ schema: 'invoicing', name: 'integrations' })
export class Integration {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  secret: string;

  /** After a rotation the old secret keeps verifying until previous_secret_expires_at. */
  @Column({ name: 'previous_secret', type: 'varchar', length: 200, nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
