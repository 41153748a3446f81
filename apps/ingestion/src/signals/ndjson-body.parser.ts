import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

/**
 * Lets `application/x-ndjson` bodies through unread: the handler gets the raw request stream and
 * reads it line by line, so a body of any length costs constant memory (Fastify's own parsers
 * would buffer it whole first).
 */
@Injectable()
export class NdjsonBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(NDJSON_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(NDJSON_CONTENT_TYPE, (_request, payload, done) => done(null, payload));
  }
}
