import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@ar/outbox';
import { COLLECTIONS_ENTITIES } from './collections-persistence';
import { OverdueInvoicesPhase } from './dunning/overdue-invoices.phase';
import { OverdueInvoicesRepository } from './dunning/overdue-invoices.repository';
import { ReferenceRateRepository } from './interest/reference-rate.repository';
import { ReferenceRatesService } from './interest/reference-rates.service';
import { DunningPoliciesService } from './policies/dunning-policies.service';
import { DunningPolicyRepository } from './policies/dunning-policy.repository';
import { PolicyCatalogLoader } from './policies/policy-catalog';
import { PromiseReviewPhase } from './promises/promise-review.phase';
import { SolvencyAssessor } from './solvency/solvency-assessor';
import { SolvencyService } from './solvency/solvency.service';
import { SweepRunner } from './sweeps/sweep-runner';
import { SweepsService } from './sweeps/sweeps.service';
import { DunningTasksPhase } from './tasks/dunning-tasks.phase';
import { DunningTasksRepository } from './tasks/dunning-tasks.repository';
import { SolvencyRepository } from './solvency/solvency.repository';
import { PromiseRepository } from './promises/promise.repository';
import { SweepRepository } from './sweeps/sweep.repository';
import { TaskRepository } from './tasks/task.repository';
import { TasksService } from './tasks/tasks.service';
import { ManualTasksService } from './tasks/manual-tasks.service';
import { ActivityRepository } from './activities/activity.repository';
import { ActivitiesService } from './activities/activities.service';
import { DunningHoldRepository } from './holds/dunning-hold.repository';
import { DunningHoldsService } from './holds/dunning-holds.service';
import { PromisesService } from './promises/promises.service';
import { CreditReviewService } from './solvency/credit-review.service';
import { ContractRenewalTasksService } from './tasks/contract-renewal-tasks.service';
import { InstalmentPlanRepository } from './instalments/instalment-plan.repository';
import { InstalmentPlansService } from './instalments/instalment-plans.service';
import { InstalmentReviewPhase } from './instalments/instalment-review.phase';
import { CourtesyRemindersPhase } from './dunning/courtesy-reminders.phase';

@Module({
  imports: [TypeOrmModule.forFeature(COLLECTIONS_ENTITIES), OutboxModule],
  providers: [
    PolicyCatalogLoader,
    ReferenceRateRepository,
    ReferenceRatesService,
    DunningPolicyRepository,
    DunningPoliciesService,
    OverdueInvoicesPhase,
    OverdueInvoicesRepository,
    DunningTasksPhase,
    DunningTasksRepository,
    SolvencyRepository,
    PromiseRepository,
    SweepRepository,
    TaskRepository,
    PromiseReviewPhase,
    SolvencyAssessor,
    SolvencyService,
    SweepRunner,
    SweepsService,
    TasksService,
    ManualTasksService,
    ActivityRepository,
    ActivitiesService,
    DunningHoldRepository,
    DunningHoldsService,
    PromisesService,
    CreditReviewService,
    ContractRenewalTasksService,
    InstalmentPlanRepository,
    InstalmentPlansService,
    InstalmentReviewPhase,
    CourtesyRemindersPhase,
  ],
  exports: [
    ReferenceRatesService, DunningPoliciesService, SolvencyService, SweepRunner, SweepsService, TasksService, ManualTasksService, ActivitiesService,
    DunningHoldsService, PromisesService, CreditReviewService, ContractRenewalTasksService, InstalmentPlansService,
  ],
})
export class CollectionsDomainModule {}
