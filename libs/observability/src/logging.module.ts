import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@ar/config';
import { HttpAccessLog } from './http-access-log';

/** The caller's `X-Request-Id` when it is a sane token, else a new one; it is echoed on the response. */
export function requestIdFor(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          providers: [{ provide: HttpAccessLog, inject: [AppConfig], useFactory: (config: AppConfig) => new HttpAccessLog(config.logLevel, service) }],
          inject: [HttpAccessLog],
          // nestjs-pino supplies Nest's logger on the access log's pino instance; it applies no middleware,
          // as createHttpApp attaches the access log as a Fastify hook (see HttpAccessLog).
          useFactory: (accessLog: HttpAccessLog) => ({ pinoHttp: { logger: accessLog.logger }, forRoutes: [] }),
        }),
      ],
    };
  }
}
