import { Body, Controller, Delete, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { ApiPageResponse, ApiProblems } from '@ar/http';
import { EffectiveTemplate, LETTER_KINDS, LETTER_LANGUAGES, LetterKind, LetterLanguage, LetterTemplatesService, TEMPLATE_FIELDS } from '@ar/invoicing';
import { PutLetterTemplateDto } from './dto/letter-commands.dto';

export class LetterTemplateResponse {
  @ApiProperty({ enum: LETTER_KINDS, example: 'reminder' }) kind: string;
  @ApiProperty({ enum: LETTER_LANGUAGES, example: 'de' }) language: string;
  @ApiProperty({ example: 'Zahlungserinnerung {{letter.number}}' }) subject: string;
  @ApiProperty({ example: 'Sehr geehrte Damen und Herren,\n\n…' }) body: string;
  @ApiProperty({ example: true, description: 'false once an admin replaced the default' }) isDefault: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) updatedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 'letter.payBy': 'the date by which to pay' }, description: 'the fields a template may use' })
  fields: Record<string, string>;
}

const toResponse = (t: EffectiveTemplate): LetterTemplateResponse => ({ ...t, updatedAt: t.updatedAt?.toISOString() ?? null, fields: { ...TEMPLATE_FIELDS } });
const enumOf = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
const kindPipe = new ParseEnumPipe(enumOf(LETTER_KINDS), { exceptionFactory: () => DomainError.notFound('Letter kind') });
const languagePipe = new ParseEnumPipe(enumOf(LETTER_LANGUAGES), { exceptionFactory: () => DomainError.notFound('Letter language') });

/** The words of the letters, per kind and language: defaults, or an admin's version. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('letter-templates')
export class LetterTemplatesController {
  constructor(private readonly templates: LetterTemplatesService) {}

  @ApiPageResponse(LetterTemplateResponse)
  @Get()
  async list() {
    return { data: (await this.templates.list()).map(toResponse), nextCursor: null };
  }

  /** Replaces the template; 422 names each line with a syntax error or an unknown field. */
  @ApiOkResponse({ type: LetterTemplateResponse })
  @ApiProblems(403, 404, 422)
  @ApiParam({ name: 'kind', enum: LETTER_KINDS })
  @ApiParam({ name: 'language', enum: LETTER_LANGUAGES })
  @Roles('admin')
  @Put(':kind/:language')
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('kind', kindPipe) kind: LetterKind,
    @Param('language', languagePipe) language: LetterLanguage,
    @Body() body: PutLetterTemplateDto,
  ): Promise<LetterTemplateResponse> {
    return toResponse(await this.templates.put(principal, kind, language, body));
  }

  /** Back to the default text. */
  @ApiOkResponse({ type: LetterTemplateResponse })
  @ApiProblems(403, 404)
  @ApiParam({ name: 'kind', enum: LETTER_KINDS })
  @ApiParam({ name: 'language', enum: LETTER_LANGUAGES })
  @Roles('admin')
  @Delete(':kind/:language')
  async reset(@Param('kind', kindPipe) kind: LetterKind, @Param('language', languagePipe) language: LetterLanguage): Promise<LetterTemplateResponse> {
    return toResponse(await this.templates.reset(kind, language));
  }
}
