import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { BusinessCalendar } from '@ar/time';
import { PolicyCatalogLoader } from '../policies/policy-catalog';
import { SolvencyAssessment } from './solvency-assessment.entity';
import { SolvencyAssessor } from './solvency-assessor';

@Injectable()
export class SolvencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessor: SolvencyAssessor,
    private readonly policies: PolicyCatalogLoader,
    private readonly visibility: VisibilityService,
    private readonly calendar: BusinessCalendar,
  ) {}

  async latest(principal: Principal, clientId: string): Promise<SolvencyAssessment> {
    await this.requireVisibleClient(principal, clientId);
    const latest = await this.dataSource.manager.findOne(SolvencyAssessment, { where: { clientId }, order: { createdAt: 'DESC', id: 'DESC' } });
    if (!latest) throw DomainError.notFound('Solvency assessment of client', clientId);
    return latest;
  }

  /** Assesses the client now, e.g. before a contract is signed; the result blocks or unblocks like a sweep's. */
  async checkNow(principal: Principal, clientId: string): Promise<SolvencyAssessment> {
    await this.requireVisibleClient(principal, clientId);
    const outcome = await this.assessor.assess([clientId], this.calendar.today(), await this.policies.load());
    return outcome.assessments[0];
  }

  private async requireVisibleClient(principal: Principal, clientId: string): Promise<void> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
  }
}
