import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SweepRunner, SweepsService } from '@ar/collections';
import { ContractRenewalsService } from '@ar/contracts';
import { VolumeRebatesService } from '@ar/invoicing';
import { JobNames, Queues, RunSweepJob } from '@ar/queues';

/**
 * Runs sweeps (the daily schedule is kept by ScheduleKeeper). A sweep job that dies with its worker is
 * picked up again as stalled and resumes; on shutdown a running sweep stops at its next batch boundary.
 */
// A killed worker's lock expires after 15 s; another worker then takes the stalled sweep over.
@Processor(Queues.Sweeps, { concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 5 })
export class SweepsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  static readonly handles = [JobNames.RunSweep, JobNames.ScheduledSweep] as const;

  private readonly logger = new Logger(SweepsProcessor.name);

  constructor(
    private readonly runner: SweepRunner,
    private readonly sweeps: SweepsService,
    private readonly contractRenewals: ContractRenewalsService,
    private readonly volumeRebates: VolumeRebatesService,
  ) {
    super();
  }

  /** Before the workers close and wait for their jobs: a running sweep stops at its next checkpoint. */
  beforeApplicationShutdown(): void {
    this.runner.requestStop();
  }

  async process(job: Job<RunSweepJob>): Promise<unknown> {
    switch (job.name) {
      case JobNames.RunSweep: {
        // The contracts' daily run for the same day goes first (renewals, expiries, renewal notices: a contract
        // that expired takes no more invoices, and its manager's renewal task joins the day's calls), then the
        // year-end volume rebates of periods that closed (their credit notes lower what is dunned).
        const { asOf, status } = await this.sweeps.get(job.data.sweepId);
        if (status !== 'completed') {
          this.logger.log({ sweepId: job.data.sweepId, ...(await this.contractRenewals.run(asOf)) }, 'Contracts renewed and expired');
          this.logger.log({ sweepId: job.data.sweepId, ...(await this.volumeRebates.settleClosedPeriods(asOf)) }, 'Volume rebates settled');
        }
        const sweep = await this.runner.run(job.data.sweepId);
        return { status: sweep?.status, stats: sweep?.stats };
      }
      case JobNames.ScheduledSweep: {
        // Today in BUSINESS_TZ; requesting queues the run-sweep job under the sweep's own id.
        const sweep = await this.sweeps.request();
        this.logger.log({ sweepId: sweep.id, asOf: sweep.asOf }, 'Daily sweep requested');
        return { sweepId: sweep.id };
      }
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Sweeps}`);
    }
  }
}
