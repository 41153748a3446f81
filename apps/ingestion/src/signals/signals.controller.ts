import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentMarketplace, RequireScopes, type MarketplacePrincipal } from '@tns/auth';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { gunzipBody } from '@tns/ndjson';
import { IngestSignalsUseCase } from './ingest-signals.use-case';
import type { IngestSignalsResult } from './ingest-tally';
import { LimitedRequestBody } from './limited-request-body';
import { NDJSON_CONTENT_TYPE } from './ndjson-body.parser';

/** The bulk way in (contract §3): `POST /v1/signals`, NDJSON, optionally gzip, streamed. */
@Controller('v1/signals')
export class SignalsController {
  constructor(
    private readonly ingestSignals: IngestSignalsUseCase,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireScopes('signals:write')
  async ingest(
    @CurrentMarketplace() principal: MarketplacePrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestSignalsResult | { error: string; message: string }> {
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== NDJSON_CONTENT_TYPE) {
      void reply.code(415);
      return { error: 'UNSUPPORTED_MEDIA_TYPE', message: `expected Content-Type: ${NDJSON_CONTENT_TYPE}` };
    }
    const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      void reply.code(415);
      return { error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Encoding must be gzip or absent' };
    }
    const limit = this.config.SIGNAL_MAX_BODY_BYTES;
    const body = new LimitedRequestBody(request.raw, limit);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      body.refuse();
      return this.tooLarge(reply, limit);
    }
    // Declared gzip is held to it (a body that is not gzip is an error); otherwise gzip is sniffed.
    const result =
      encoding === 'gzip'
        ? await this.ingestSignals.executeStream(principal.marketplaceId, gunzipBody(body.stream), { gzip: 'never' })
        : await this.ingestSignals.executeStream(principal.marketplaceId, body.stream, { gzip: 'auto' });
    return body.exceeded ? this.tooLarge(reply, limit) : result;
  }

  private tooLarge(reply: FastifyReply, limit: number): { error: string; message: string } {
    void reply.code(413);
    return {
      error: 'PAYLOAD_TOO_LARGE',
      message: `body over the limit of ${limit} bytes; signals before the limit were stored (split the body and resend: they count as duplicates)`,
    };
  }
}
