import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable, Transform } from 'node:stream';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { BankEntriesService, BankImportService } from '@ar/invoicing';
import { BankEntryResponse, BankStatementResponse, toBankEntryResponse, toBankStatementResponse } from './bank-statement.response';
import { ApplyBankEntryDto, IgnoreBankEntryDto, ListBankEntriesQuery } from './dto/bank-entry-commands.dto';

const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;

/** Counts the bytes as they stream in and stops the upload past the limit (413). */
function limited(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  return body.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        callback(seen > maxBytes ? new DomainError(ErrorCode.PayloadTooLarge, `A bank statement may be at most ${maxBytes / 1024 / 1024} MB`) : null, chunk);
      },
    }),
  );
}

/** Bank statements in (camt.052/053/054), cash applied, and the suspense list of what could not be proved. */
@ApiTags('bank statements')
@ApiBearerAuth()
@Roles('finance', 'admin')
@Idempotent()
@Controller('bank-statements')
export class BankStatementsController {
  constructor(
    private readonly imports: BankImportService,
    private readonly entries: BankEntriesService,
  ) {}

  /** The XML as the bank sent it (up to 50 MB). Booked credits are stored once each and matched by the worker. */
  @ApiConsumes('application/xml')
  @ApiBody({ description: 'camt.052, camt.053 or camt.054 (versions .001.02 to .001.08)', schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: BankStatementResponse })
  @ApiProblems(403, 422)
  @Post()
  @HttpCode(202)
  async import(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<BankStatementResponse> {
    if (!(request.body instanceof Readable)) throw DomainError.validation('Send the statement as application/xml', [{ path: 'body', message: 'expected an XML document' }]);
    return toBankStatementResponse(await this.imports.import(principal, limited(request.body, MAX_STATEMENT_BYTES)));
  }

  /** The suspense list (status=unmatched) or any entries, newest first, with suggestions for unmatched ones. */
  @ApiPageResponse(BankEntryResponse)
  @Get('entries')
  async list(@Query() query: ListBankEntriesQuery) {
    const page = await this.entries.list(query.status, query.limit, query.cursor);
    const data = await Promise.all(page.data.map(async (e) => toBankEntryResponse(e, e.status === 'unmatched' ? await this.entries.suggestions(e) : undefined)));
    return { data, nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: BankStatementResponse })
  @ApiProblems(403, 404)
  @Get(':id')
  async get(@Param('id', UuidParam) id: string): Promise<BankStatementResponse> {
    const statement = await this.imports.get(id);
    return toBankStatementResponse(statement);
  }

  @ApiOkResponse({ type: BankEntryResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post('entries/:id/apply')
  @HttpCode(200)
  async apply(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ApplyBankEntryDto): Promise<BankEntryResponse> {
    return toBankEntryResponse(await this.entries.apply(principal, id, body));
  }

  @ApiOkResponse({ type: BankEntryResponse })
  @ApiProblems(403, 404, 409)
  @Post('entries/:id/ignore')
  @HttpCode(200)
  async ignore(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: IgnoreBankEntryDto): Promise<BankEntryResponse> {
    return toBankEntryResponse(await this.entries.ignore(principal, id, body.reason));
  }
}
