import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** Serves GET /docs and GET /docs/openapi.json from the DTO registry (./registry.ts). */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
