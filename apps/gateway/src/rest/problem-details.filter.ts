import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, PublicErrorCode } from '@app/common';
import type { GatewayRequest } from '../identity/gateway-guard.middleware';
import { GraphQLOperationError } from './graphql-executor.service';
import { problemDetails } from './problem-details';

/** Every REST error leaves as application/problem+json, never with a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('rest');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<GatewayRequest>();
    const base = { instance: request.originalUrl, requestId: request.requestId };
    let body;
    if (exception instanceof GraphQLOperationError) {
      body = problemDetails({ ...base, status: exception.status, code: exception.code, reason: exception.reason, detail: exception.message, errorId: exception.details?.errorId as string | undefined, errors: exception.errors.map((e) => ({ message: e.message, code: e.extensions?.code, reason: e.extensions?.reason })) });
    } else if (exception instanceof DomainError) {
      body = problemDetails({ ...base, code: exception.code, reason: exception.reason, detail: exception.message });
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const messages = typeof payload === 'string' ? [payload] : ([] as string[]).concat((payload as { message?: string | string[] }).message ?? exception.message);
      const code = (Object.entries(HTTP_STATUS_BY_CODE).find(([, s]) => s === status)?.[0] as PublicErrorCode | undefined) ?? PublicErrorCode.BAD_USER_INPUT;
      body = problemDetails({ ...base, status, code, reason: status === 400 ? 'INVALID_INPUT' : code, detail: messages.join('; '), errors: messages.map((message) => ({ message })) });
    } else {
      const errorId = randomUUID();
      this.logger.error({ errorId, err: exception }, `Unexpected error ${errorId}`);
      body = problemDetails({ ...base, code: PublicErrorCode.INTERNAL_SERVER_ERROR, detail: `Something went wrong on our side. Quote error id ${errorId} when you report it.`, errorId });
    }
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
