import { ApiError } from '../common/api-error';
import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import { from, mergeMap, type Observable } from 'rxjs';
import { assertText, NUL_MESSAGE } from '../common/text-rule';

/** The upload's field name in the multipart form. */
export const UPLOAD_FIELD = 'file';

/** What multer leaves on the request for the one accepted file (memory storage). */
export interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Parses the multipart body (one file in `file`, a few small text fields) with multer, with
 * the size limit from the configuration: multer stops reading at the limit, so an oversized
 * upload is never held in memory whole. Its errors become coded domain errors (413
 * PAYLOAD_TOO_LARGE with the limit). Runs after the guards, so only authenticated users upload.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.ATTACHMENT_MAX_BYTES;
    const Multer = FileInterceptor(UPLOAD_FIELD);
    this.multer = new Multer({
      limits: { fileSize: this.maxBytes, files: 1, fields: 8, fieldSize: 4096 },
      // Phones and browsers send UTF-8 file names (照片.jpg) without saying so.
      defParamCharset: 'utf8',
    });
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.parse(ctx, next)).pipe(mergeMap((handled) => handled));
  }

  private async parse(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // The text rule (common/text-rule.ts) on what multer parsed — field names and values, the
      // file's name — before the idempotency interceptor or the handler sees any of it.
      const req = ctx.switchToHttp().getRequest<{ body?: unknown; file?: UploadedPart }>();
      return await this.multer.intercept(ctx, {
        handle: () => {
          assertText(req.body ?? {}, 'body');
          if (req.file) assertText(req.file.originalname, 'body.file.filename');
          return next.handle();
        },
      });
    } catch (e) {
      throw this.coded(e);
    }
  }

  private coded(e: unknown): unknown {
    if (e instanceof PayloadTooLargeException) {
      return new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than ${this.maxBytes} bytes`, {
        maxBytes: this.maxBytes,
      });
    }
    // busboy refuses a part header it cannot read — a NUL in a field's or the file's name is
    // one — before any field exists to name: the body itself is the bad input.
    if (e instanceof Error && /Malformed part header/i.test(e.message)) {
      return new ApiError('VALIDATION_FAILED', 'Invalid input: body', {
        issues: [
          { path: 'body', message: `a multipart part header is malformed (${NUL_MESSAGE}?)` },
        ],
      });
    }
    return e;
  }
}
