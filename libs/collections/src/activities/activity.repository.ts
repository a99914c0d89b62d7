import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Activity, ActivityKind } from './activity.entity';

/** An entry the system writes about a subject (a task, letter, promise or hold); one per kind and subject. */
export interface SystemActivity {
  id: string;
  clientId: string;
  kind: ActivityKind;
  subjectId: string;
  outcome: string | null;
  note: string;
  occurredAt: Date;
  authorId: string | null;
}

/** The SQL of the contact history. */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(activity: Activity, manager: EntityManager): Promise<void> {
    await manager.insert(Activity, activity);
  }

  /** Writes system entries; one already there for the same kind and subject wins (a redelivered event adds nothing). */
  async insertSystem(entries: SystemActivity[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO collections.activities (id, client_id, kind, subject_id, outcome, note, occurred_at, author_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[], $7::timestamptz[], $8::uuid[])
       ON CONFLICT (kind, subject_id) WHERE subject_id IS NOT NULL DO NOTHING`,
      [
        entries.map((e) => e.id),
        entries.map((e) => e.clientId),
        entries.map((e) => e.kind),
        entries.map((e) => e.subjectId),
        entries.map((e) => e.outcome),
        entries.map((e) => e.note),
        entries.map((e) => e.occurredAt.toISOString()),
        entries.map((e) => e.authorId),
      ],
    );
  }

  findById(id: string): Promise<Activity | null> {
    return this.dataSource.manager.findOneBy(Activity, { id });
  }

  /** Newest first by when it happened, `limit + 1` rows after the (occurred at in ms, id) key. */
  listForClient(clientId: string, after: [number, string] | null, limit: number): Promise<Activity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Activity, 'a')
      .where('a.client_id = :clientId', { clientId })
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(a.occurred_at, a.id) < (:at::timestamptz, :id::uuid)', { at: new Date(after[0]).toISOString(), id: after[1] });
    return qb.getMany();
  }
}
