import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { eventCatalog, EventTypeEntry } from '@ar/events';

/** The events a webhook subscriber (or any consumer) can receive, each with the JSON Schema of its data. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('event-types')
export class EventTypesController {
  private readonly catalog = eventCatalog();

  @Get()
  @ApiOperation({ summary: 'Every event type: source, type, version, description, the JSON Schema of its data and an example' })
  @ApiOkResponse({
    description: 'The catalog, also published in the repository as docs/events/*.schema.json',
    schema: {
      type: 'object',
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              source: { type: 'string', enum: ['contracts', 'invoicing', 'collections'] },
              type: { type: 'string', example: 'invoice.paid' },
              version: { type: 'integer', example: 1 },
              description: { type: 'string' },
              schema: { type: 'object', description: 'JSON Schema (2020-12) of the event data' },
              example: { type: 'object' },
            },
          },
        },
      },
    },
  })
  list(): { data: EventTypeEntry[] } {
    return { data: this.catalog };
  }
}
