import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../common/api-error';
import { CurrentUser } from '../common/actor.decorator';
import { toUserView, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

const loginSchema = z.object({
  organisation: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(256) });

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown) {
    return this.auth.login(parseInput(loginSchema, body));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown) {
    return this.auth.refresh(parseInput(refreshSchema, body).refreshToken);
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
