import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** That an invoice's courtesy reminder was requested (once per invoice, however often the sweep runs). */
@Entity({ schema: 'collections', name: 'courtesy_reminders' })
export class CourtesyReminder {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'reminded_on', type: 'date' })
  remindedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
