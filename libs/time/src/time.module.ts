import { Global, Module } from '@nestjs/common';
import { BusinessCalendar } from './business-calendar';
import { Clock } from './clock';

@Global()
@Module({
  providers: [Clock, BusinessCalendar],
  exports: [Clock, BusinessCalendar],
})
export class TimeModule {}
