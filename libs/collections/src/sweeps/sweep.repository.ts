import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';
import { Sweep, SweepCheckpoint, SweepStats } from './sweep.entity';

/** The SQL of sweeps: the sweep rows and their progress, and which clients a sweep reassesses. */
@Injectable()
export class SweepRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Sweep | null> {
    return this.dataSource.manager.findOneBy(Sweep, { id });
  }

  async latestCompletedAsOf(): Promise<CalendarDate | null> {
    const rows: { as_of: string }[] = await this.dataSource.query(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM collections.sweeps WHERE status = 'completed' ORDER BY as_of DESC LIMIT 1`,
    );
    return rows[0]?.as_of ?? null;
  }

  /** Whether a sweep started in the last `withinMinutes` is running (an older one is taken for dead, not waited for). */
  async anyRunning(withinMinutes: number): Promise<boolean> {
    const [{ running }]: { running: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM collections.sweeps WHERE status = 'running' AND started_at > now() - make_interval(mins => $1)) AS running`,
      [withinMinutes],
    );
    return running;
  }

  /** The sweep of a date: created queued unless one exists (one sweep per date, however many ask at once). */
  async findOrCreate(id: string, asOf: CalendarDate, stats: SweepStats): Promise<Sweep> {
    await this.dataSource.query(
      `INSERT INTO collections.sweeps (id, as_of, status, stats) VALUES ($1, $2, 'queued', $3::jsonb) ON CONFLICT (as_of) DO NOTHING`,
      [id, asOf, JSON.stringify(stats)],
    );
    return (await this.dataSource.manager.findOneBy(Sweep, { asOf })) as Sweep;
  }

  /** Sweeps queued, running or failed, oldest date first. */
  async unfinishedIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM collections.sweeps WHERE status IN ('queued', 'running', 'failed') ORDER BY as_of`);
    return rows.map((r) => r.id);
  }

  async markRunning(id: string, startedAt: Date): Promise<void> {
    await this.dataSource.manager.update(Sweep, { id }, { status: 'running', startedAt, error: null });
  }

  /** Saves where the sweep is and its stats; in the caller's transaction, so a batch and its checkpoint commit together. */
  async saveProgress(manager: EntityManager, id: string, checkpoint: SweepCheckpoint, stats: SweepStats): Promise<void> {
    await manager.update(Sweep, { id }, { checkpoint, stats: { ...stats } });
  }

  async markCompleted(id: string, finishedAt: Date, stats: SweepStats): Promise<void> {
    await this.dataSource.manager.update(Sweep, { id }, { status: 'completed', finishedAt, checkpoint: null, stats });
  }

  async markQueued(id: string): Promise<void> {
    await this.dataSource.manager.update(Sweep, { id }, { status: 'queued' });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.manager.update(Sweep, { id }, { status: 'failed', error: error.slice(0, 1000) });
  }

  /**
   * Clients whose receivables changed, after `afterClientId`, in id order: overdue as of this sweep (their days
   * overdue grow), touched since the previous completed sweep started, or blocked by an earlier assessment (so
   * that paying unblocks them).
   */
  async clientsToReassess(asOf: CalendarDate, afterClientId: string | null): Promise<string[]> {
    const previous: { started_at: Date | null }[] = await this.dataSource.query(
      `SELECT started_at FROM collections.sweeps WHERE status = 'completed' AND as_of < $1::date ORDER BY as_of DESC LIMIT 1`,
      [asOf],
    );
    const since = previous[0]?.started_at ?? new Date(0);
    const rows: { client_id: string }[] = await this.dataSource.query(
      `SELECT client_id FROM (
         SELECT client_id FROM invoicing.receivables_v1
         WHERE open_receivable AND due_date < $1::date
         UNION SELECT client_id FROM invoicing.receivables_v1 WHERE updated_at >= $2
         UNION SELECT client_id FROM collections.client_solvency WHERE blocked_client
       ) changed
       WHERE $3::uuid IS NULL OR client_id > $3::uuid
       ORDER BY client_id`,
      [asOf, since, afterClientId],
    );
    return rows.map((r) => r.client_id);
  }
}
