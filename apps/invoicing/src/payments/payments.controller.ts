import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { PaymentsService } from '@ar/invoicing';
import { CreatePaymentBatchDto } from './dto/create-payment-batch.dto';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { PaymentBatchResponse, toPaymentBatchResponse } from './payment-batch.response';
import { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse, toPaymentResponse } from './payment.response';

@ApiTags('payments')
@ApiBearerAuth()
@Idempotent()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post()
  @Roles('finance', 'admin')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePaymentDto): Promise<PaymentResponse> {
    return toPaymentResponse(await this.payments.recordManual(principal, body));
  }

  /** Up to 1,000 payments at once, each idempotent by its externalId; one result per item, in order. */
  @ApiOkResponse({ type: PaymentBatchResponse })
  @ApiProblems(403, 409, 422)
  @Post('batch')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async createBatch(@CurrentPrincipal() principal: Principal, @Body() body: CreatePaymentBatchDto): Promise<PaymentBatchResponse> {
    const results = await this.payments.recordBatch(principal, body.payments);
    return toPaymentBatchResponse(body.payments.map((p) => p.externalId), results);
  }

  @ApiPageResponse(PaymentResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    const { limit, cursor, ...filters } = query;
    const page = await this.payments.list(principal, filters, limit, cursor);
    return { data: page.data.map(toPaymentResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: PaymentResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<PaymentResponse> {
    return toPaymentResponse(await this.payments.get(principal, id));
  }

  @ApiOkResponse({ type: PaymentResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/reverse')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async reverse(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<PaymentResponse> {
    await this.payments.reverse(principal, id);
    return toPaymentResponse(await this.payments.get(principal, id));
  }
}
