import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { parseInput } from '../common/api-error';
import { CurrentUser } from '../common/actor.decorator';
import { toUserView, type AuthUser } from './auth-user';
import { loginBodySchema, refreshBodySchema } from './auth.dto';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown) {
    return this.auth.login(parseInput(loginBodySchema, body));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown) {
    return this.auth.refresh(parseInput(refreshBodySchema, body).refreshToken);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return toUserView(user);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }
}
