import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import type { AuthedRequest, AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId } from '../common/actor.decorator';
import {
  IdempotencyAfterBodyParsed,
  RouteIdempotencyInterceptor,
} from '../idempotency/idempotency.interceptor';
import './attachments.dto'; // registers the routes in the OpenAPI document
import { AttachmentsService } from './attachments.service';
import { contentDisposition } from './file-type';
import { UploadInterceptor, type UploadedPart } from './upload.interceptor';

/** Photos, sample records and scans of a case (multipart upload, list, download). */
@Controller('cases/:caseNumber/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** multipart/form-data: `file` (JPEG, PNG, WebP or PDF), optional `kind`. */
  @Post()
  @HttpCode(201)
  // The idempotency key's request hash needs the parsed file: it runs after the upload parser.
  @IdempotencyAfterBodyParsed()
  @UseInterceptors(UploadInterceptor, RouteIdempotencyInterceptor)
  upload(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string,
    @Param('caseNumber') caseNumber: string,
    @Req() req: AuthedRequest & { file?: UploadedPart },
    @Body() body: Record<string, unknown> | undefined,
  ) {
    return this.attachments.upload(user, requestId, caseNumber, req.file, body?.kind);
  }

  /** Metadata only, oldest first. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Param('caseNumber') caseNumber: string) {
    return this.attachments.list(user, caseNumber);
  }

  @Get(':id')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('caseNumber') caseNumber: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { meta, data } = await this.attachments.download(user, caseNumber, id);
    // Never let a browser guess another type (an uploaded "PDF" rendered as HTML).
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${meta.sha256}"`);
    return new StreamableFile(data, {
      type: meta.contentType,
      length: meta.size,
      disposition: contentDisposition('attachment', meta.filename),
    });
  }
}
