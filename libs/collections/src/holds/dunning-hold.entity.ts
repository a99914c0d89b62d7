import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A pause of dunning for a good reason: of all the client's invoices (invoiceId null) or of one. While it holds,
 * no level rises and so no letter goes out; it ends by itself on `until` or earlier when released.
 */
@Entity({ schema: 'collections', name: 'dunning_holds' })
@Index('dunning_holds_client_idx', ['clientId', 'until'])
@Index('dunning_holds_invoice_idx', ['invoiceId'])
export class DunningHold {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId: string | null;

  /** The first day dunning runs again. */
  @Column({ type: 'date' })
  until: string;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'released_by', type: 'uuid', nullable: true })
  releasedBy: string | null;

  @Column({ name: 'release_reason', type: 'varchar', length: 2000, nullable: true })
  releaseReason: string | null;
}
