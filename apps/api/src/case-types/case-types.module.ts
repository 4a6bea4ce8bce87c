import { Module } from '@nestjs/common';
import { CaseTypesController } from './case-types.controller';

/** GET /case-types: what the "Open a case" page renders its forms from (issue 11). */
@Module({ controllers: [CaseTypesController] })
export class CaseTypesModule {}
