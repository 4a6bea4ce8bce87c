import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TextRuleGuard, TextRuleMiddleware } from './text-rule.middleware';

/** Applies the API's one text rule and body-depth bound to every route (common/text-rule.ts). */
@Module({ providers: [{ provide: APP_GUARD, useClass: TextRuleGuard }] })
export class TextRuleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TextRuleMiddleware).forRoutes('*');
  }
}
