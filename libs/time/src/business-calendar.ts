import { Injectable } from '@nestjs/common';
import { AppConfig } from '@ar/config';
import { CalendarDate, calendarDateIn } from './calendar-date';
import { Clock } from './clock';

/** Answers "what is today" in the business time zone (BUSINESS_TZ). */
@Injectable()
export class BusinessCalendar {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  today(): CalendarDate {
    return calendarDateIn(this.clock.now(), this.config.businessTimeZone);
  }
}
