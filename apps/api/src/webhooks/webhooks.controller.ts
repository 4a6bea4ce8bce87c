import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { createWebhookBodySchema, deliveriesQuerySchema, webhookIdSchema } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks of the admin's organisation (issue 11, Notifications). */
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  list(@CurrentUser() admin: AuthUser) {
    return this.webhooks.list(admin);
  }

  @Post()
  @HttpCode(201)
  create(@CurrentUser() admin: AuthUser, @Body() body: unknown) {
    return this.webhooks.create(admin, parseInput(createWebhookBodySchema, body));
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentUser() admin: AuthUser, @Param('id') id: string) {
    return this.webhooks.disable(admin, parseInput(webhookIdSchema, id, 'params.id'));
  }

  @Get(':id/deliveries')
  deliveries(@CurrentUser() admin: AuthUser, @Param('id') id: string, @Query() query: unknown) {
    return this.webhooks.deliveries(
      admin,
      parseInput(webhookIdSchema, id, 'params.id'),
      parseInput(deliveriesQuerySchema, query, 'query').limit,
    );
  }
}
