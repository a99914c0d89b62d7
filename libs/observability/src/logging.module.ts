import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@ar/config';

/** Paths whose values never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.secret',
  '*.password',
  '*.token',
];

const QUIET_PATHS = ['/health/', '/metrics'];

@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              base: { service },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              genReqId: (req, res) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              autoLogging: { ignore: (req) => QUIET_PATHS.some((p) => (req.url ?? '').startsWith(p)) },
            },
          }),
        }),
      ],
    };
  }
}
