import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { buildOpenApiDocument, type OpenApiDocument } from './document';
import { renderDocsPage } from './docs-page';
import './openapi.dto';

/** Public: the API's description is no secret, and clients fetch it before they log in. */
@Public()
@Controller('docs')
export class OpenApiController {
  // Built on first request, when every controller's DTO file has registered its routes.
  private document?: OpenApiDocument;

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return renderDocsPage(this.doc());
  }

  @Get('openapi.json')
  json(): OpenApiDocument {
    return this.doc();
  }

  private doc(): OpenApiDocument {
    this.document ??= buildOpenApiDocument();
    return this.document;
  }
}
