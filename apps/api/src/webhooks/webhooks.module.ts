import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks per organisation (admins only); the worker delivers them. */
@Module({
  imports: [PersistenceModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
