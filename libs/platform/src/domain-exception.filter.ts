import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@tns/domain/errors';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Overloaded]: 429,
  [ErrorCode.Unavailable]: 503,
};

/**
 * The one place where refusals become transport answers: an HTTP status with a JSON body, or
 * a GraphQL error with `extensions.code`. Anything unexpected becomes a bare 500 / INTERNAL
 * error: no stack traces or SQL reach a caller.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { code, status, message, retryAfter } = describe(exception);
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(message, { extensions: { code, ...(retryAfter ? { retryAfter } : {}) } });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    void reply.code(status).send({ error: code, message });
    return undefined;
  }
}

function describe(exception: unknown): { code: string; status: number; message: string; retryAfter?: number } {
  if (exception instanceof DomainError) {
    return {
      code: exception.code,
      status: HTTP_STATUS[exception.code],
      message: exception.message,
      retryAfter: exception.retryAfterSeconds,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { code: status === 404 ? ErrorCode.NotFound : 'HTTP_ERROR', status, message: exception.message };
  }
  if (isDatabaseDown(exception)) {
    return { code: ErrorCode.Unavailable, status: 503, message: 'the database is unavailable; retry later', retryAfter: 5 };
  }
  return { code: 'INTERNAL', status: 500, message: 'internal error' };
}

/** Connection failures (not query errors) mean "try again later", not "you sent something wrong". */
function isDatabaseDown(exception: unknown): boolean {
  const code = (exception as { code?: string } | null)?.code;
  const message = exception instanceof Error ? exception.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P03' ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}
