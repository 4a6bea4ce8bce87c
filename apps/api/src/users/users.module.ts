import { Module } from '@nestjs/common';
import { PersistenceModule } from '@aso/persistence';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** User administration (admins only). */
@Module({
  imports: [PersistenceModule, AuthModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
