import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { PaymentsService } from '@ar/invoicing';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { ListPaymentsQuery } from './dto/list-payments.query';
import { PaymentResponse, toPaymentResponse } from './payment.response';

@ApiTags('payments')
@ApiBearerAuth()
@Idempotent()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @Roles('finance', 'admin')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePaymentDto): Promise<PaymentResponse> {
    return toPaymentResponse(await this.payments.recordManual(principal, body));
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    const page = await this.payments.list(principal, query.clientId, query.limit, query.cursor);
    return { data: page.data.map(toPaymentResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<PaymentResponse> {
    return toPaymentResponse(await this.payments.get(principal, id));
  }

  @Post(':id/reverse')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async reverse(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<PaymentResponse> {
    await this.payments.reverse(principal, id);
    return toPaymentResponse(await this.payments.get(principal, id));
  }
}
