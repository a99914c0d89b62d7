import { Injectable } from '@nestjs/common';

/** The source of "now". Inject it instead of calling new Date() so tests can fix time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

