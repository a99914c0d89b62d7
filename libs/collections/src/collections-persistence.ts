import { AddLetterChannelToPolicyLevels1765100000002 } from './migrations/1765100000002-AddLetterChannelToPolicyLevels';
import { InvoiceDunning } from './dunning/invoice-dunning.entity';
import { ReferenceRate } from './interest/reference-rate.entity';
import { CreateCollectionsSchema1764216300000 } from './migrations/1764216300000-CreateCollectionsSchema';
import { PublishReferenceRatesAndSplitFees1764800000000 } from './migrations/1764800000000-PublishReferenceRatesAndSplitFees';
import { KeepCurrentSolvency1765000000000 } from './migrations/1765000000000-KeepCurrentSolvency';
import { DunningPolicyLevel } from './policies/dunning-policy-level.entity';
import { DunningPolicy } from './policies/dunning-policy.entity';
import { PromiseToPay } from './promises/promise-to-pay.entity';
import { ClientSolvency } from './solvency/client-solvency.entity';
import { SolvencyAssessment } from './solvency/solvency-assessment.entity';
import { Sweep } from './sweeps/sweep.entity';
import { Task } from './tasks/task.entity';

export const COLLECTIONS_ENTITIES = [DunningPolicy, DunningPolicyLevel, InvoiceDunning, ReferenceRate, Sweep, Task, PromiseToPay, SolvencyAssessment, ClientSolvency];
export const COLLECTIONS_MIGRATIONS = [CreateCollectionsSchema1764216300000, PublishReferenceRatesAndSplitFees1764800000000, KeepCurrentSolvency1765000000000, AddLetterChannelToPolicyLevels1765100000002];
