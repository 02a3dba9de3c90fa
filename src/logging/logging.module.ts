import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config.service.js';

/** Fields other layers attach to the raw request so the access log can name them. */
export interface RequestLogContext {
  id?: string;
  graphqlOperation?: string;
  principal?: string;
}

/** JSON logs (pino) with the request id on every line; health probes are not access-logged. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          customProps: (req: IncomingMessage) => {
            const context = req as IncomingMessage & RequestLogContext;
            return {
              ...(context.graphqlOperation ? { graphqlOperation: context.graphqlOperation } : {}),
              ...(context.principal ? { principal: context.principal } : {}),
            };
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
