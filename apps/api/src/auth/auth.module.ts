import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PersistenceModule } from '@aso/persistence';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthProvider } from './auth-provider';
import { AuthService } from './auth.service';
import { LocalAuthProvider } from './local-auth.provider';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { WebSessionController } from './web-session.controller';

/**
 * Authentication. The AuthProvider binding is the one line an OIDC provider replaces; the
 * guard is global, so a route is protected unless it says @Public().
 */
@Module({
  imports: [PersistenceModule],
  controllers: [AuthController, WebSessionController],
  providers: [
    PasswordHasher,
    TokenService,
    LoginThrottle,
    AuthService,
    { provide: AuthProvider, useClass: LocalAuthProvider },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, AuthService],
})
export class AuthModule {}
