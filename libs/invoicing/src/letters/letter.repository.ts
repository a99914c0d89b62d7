import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { clientScopeCondition, VisibilityScope } from '@ar/auth';
import { EmbeddedStatement, embedStatements, SqlParams } from '@ar/database';
import type { LetterDocument } from './letter-document';
import { LetterKind, LetterLanguage } from './letter-kinds';
import { Letter, LetterAttempt, LetterStatus, LetterTemplateOverride } from './letter.entity';

export interface LetterFilters {
  scope: VisibilityScope;
  clientId?: string;
  status?: LetterStatus;
}

/** What one attempt to send a letter came to: sent, or failed for good. */
export interface LetterSendRecord {
  attemptId: string;
  letterId: string;
  outcome: 'sent' | 'failed';
  reason: string | null;
  at: Date;
}

/** Letters, their attempts and the admins' templates. */
@Injectable()
export class LetterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The next `count` letter numbers of the year, e.g. L-2026-000042, each with its digits for the RF reference. */
  async nextNumbers(year: number, count: number): Promise<{ number: string; referenceBody: string }[]> {
    if (count === 0) return [];
    const rows: { n: string }[] = await this.dataSource.query(`SELECT nextval('invoicing.letter_number_seq')::text AS n FROM generate_series(1, $1) ORDER BY 1`, [count]);
    return rows.map(({ n }) => {
      const digits = n.padStart(6, '0');
      return { number: `L-${year}-${digits}`, referenceBody: `L${year}${digits}` };
    });
  }

  /** Inserts the letters, skipping any whose dunning key exists; answers the ids inserted. */
  async insertAll(letters: Letter[], manager: EntityManager): Promise<Set<string>> {
    const result = await manager.createQueryBuilder().insert().into(Letter).values(letters).orIgnore().returning('id').execute();
    return new Set((result.raw as { id: string }[]).map((r) => r.id));
  }

  /** Which of these dunning keys a letter has already. */
  async existingDunningKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { dunning_key: string }[] = await this.dataSource.query(`SELECT dunning_key FROM invoicing.letters WHERE dunning_key = ANY($1)`, [keys]);
    return new Set(rows.map((r) => r.dunning_key));
  }

  findById(id: string, manager?: EntityManager): Promise<Letter | null> {
    return this.manager(manager).findOneBy(Letter, { id });
  }

  /** The stored PDF, or the document to render it from when it was not rendered yet. */
  async pdfOrDocument(id: string): Promise<{ pdf: Buffer | null; document: LetterDocument } | null> {
    // The document is only read when there is no PDF yet (most reads are of letters rendered at production).
    const [row] = (await this.dataSource.query(`SELECT pdf, CASE WHEN pdf IS NULL THEN document END AS document FROM invoicing.letters WHERE id = $1`, [id])) as {
      pdf: Buffer | null;
      document: LetterDocument | null;
    }[];
    return row ? { pdf: row.pdf, document: row.document as LetterDocument } : null;
  }

  /** Keeps the first rendering; a concurrent one loses and reads the stored bytes. */
  async storePdf(id: string, pdf: Buffer): Promise<Buffer> {
    const [stored] = (await this.dataSource.query(`UPDATE invoicing.letters SET pdf = $2 WHERE id = $1 AND pdf IS NULL RETURNING id`, [id, pdf]))[0] as unknown[];
    if (stored) return pdf;
    const row = await this.dataSource.manager.findOne(Letter, { where: { id }, select: { id: true, pdf: true } });
    return row?.pdf as Buffer;
  }

  byReference(reference: string, manager?: EntityManager): Promise<Letter | null> {
    return this.manager(manager).findOneBy(Letter, { reference });
  }

  /** The client and invoices of each letter with one of these RF references. */
  async invoicesByReference(references: string[], manager?: EntityManager): Promise<Map<string, { clientId: string; invoiceIds: string[] }>> {
    const rows: { reference: string; client_id: string; invoice_ids: string[] }[] = await this.manager(manager).query(
      `SELECT reference, client_id, invoice_ids FROM invoicing.letters WHERE reference = ANY($1::text[])`,
      [references],
    );
    return new Map(rows.map((r) => [r.reference, { clientId: r.client_id, invoiceIds: r.invoice_ids }]));
  }

  list(filters: LetterFilters, afterId: string | null, limit: number): Promise<Letter[]> {
    const query = this.dataSource.manager.createQueryBuilder(Letter, 'l').orderBy('l.id', 'DESC').limit(limit);
    const scope = clientScopeCondition(filters.scope, 'l.client_id', ':managerIds');
    query.andWhere(scope.sql, scope.params.length > 0 ? { managerIds: scope.params[0] } : {});
    if (filters.clientId) query.andWhere('l.client_id = :clientId', { clientId: filters.clientId });
    if (filters.status) query.andWhere('l.status = :status', { status: filters.status });
    if (afterId) query.andWhere('l.id < :afterId', { afterId });
    return query.getMany();
  }

  attempts(letterId: string): Promise<LetterAttempt[]> {
    return this.dataSource.manager.find(LetterAttempt, { where: { letterId }, order: { attemptedAt: 'ASC' } });
  }

  async addAttempt(attempt: LetterAttempt, manager?: EntityManager): Promise<void> {
    await this.manager(manager).insert(LetterAttempt, attempt);
  }

  /**
   * Claims queued letters for sending: only one worker gets each, and only while nobody holds it. A letter held
   * since a crash stays held; the caller decides what an interrupted send means. Answers the claimed letters with
   * their PDFs (a letter of the sweep has one from production).
   */
  async claimForSending(ids: string[]): Promise<Letter[]> {
    // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE invoicing.letters SET sending_since = now() WHERE id = ANY($1::uuid[]) AND status = 'queued' AND sending_since IS NULL RETURNING id`,
      [ids],
    );
    if (rows.length === 0) return [];
    return this.dataSource.manager.createQueryBuilder(Letter, 'letter').addSelect('letter.pdf').where('letter.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).getMany();
  }

  /** A draft or failed letter becomes posted; false when it is neither (any more). */
  async markPosted(id: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE invoicing.letters SET status = 'posted', posted_at = now(), channel = 'post' WHERE id = $1 AND status IN ('draft', 'failed') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Releases a claim after a transient failure, so that the next attempt may take the letter again. */
  async release(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE invoicing.letters SET sending_since = NULL WHERE id = $1`, [id]);
  }

  /**
   * The outcomes of sending, in one statement: each letter's attempt and status (its claim ends; a sent letter
   * gets its time), and what `also` appends (their events).
   */
  async recordSendOutcomes(outcomes: LetterSendRecord[], also: EmbeddedStatement[]): Promise<void> {
    if (outcomes.length === 0) return;
    const params = new SqlParams();
    const columns = [
      params.add(outcomes.map((o) => o.attemptId), 'uuid[]'),
      params.add(outcomes.map((o) => o.letterId), 'uuid[]'),
      params.add(outcomes.map((o) => o.at.toISOString()), 'timestamptz[]'),
      params.add(outcomes.map((o) => o.outcome), 'varchar[]'),
      params.add(outcomes.map((o) => o.reason), 'varchar[]'),
    ];
    await this.dataSource.query(
      `WITH o AS (SELECT * FROM unnest(${columns.join(', ')}) AS o(attempt_id, letter_id, at, outcome, reason)),
       attempts AS (
         INSERT INTO invoicing.letter_attempts (id, letter_id, attempted_at, outcome, error)
         SELECT attempt_id, letter_id, at, outcome, reason FROM o),
       letters AS (
         UPDATE invoicing.letters l
         SET status = o.outcome, status_reason = left(o.reason, 500), sent_at = CASE WHEN o.outcome = 'sent' THEN o.at END, sending_since = NULL
         FROM o WHERE l.id = o.letter_id)${embedStatements(also, params)}
       SELECT 1`,
      params.values,
    );
  }

  template(kind: LetterKind, language: LetterLanguage): Promise<LetterTemplateOverride | null> {
    return this.dataSource.manager.findOneBy(LetterTemplateOverride, { kind, language });
  }

  templates(): Promise<LetterTemplateOverride[]> {
    return this.dataSource.manager.find(LetterTemplateOverride);
  }

  async saveTemplate(template: LetterTemplateOverride): Promise<void> {
    await this.dataSource.manager.upsert(LetterTemplateOverride, template, ['kind', 'language']);
  }

  async deleteTemplate(kind: LetterKind, language: LetterLanguage): Promise<void> {
    await this.dataSource.manager.delete(LetterTemplateOverride, { kind, language });
  }
}
