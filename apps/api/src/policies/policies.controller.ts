import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { parseInput } from '../common/parse-input';
import { assertText } from '../common/text-rule';
import { policyVersionParamSchema } from './policies.dto';
import { PoliciesService } from './policies.service';

const versionOf = (value: string, name: string): number =>
  parseInput(policyVersionParamSchema, value, `params.${name}`);

/** Policy versions: read by admins, auditors and managers; published by admins only. */
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.policies.list(user);
  }

  @Get(':version')
  get(@CurrentUser() user: AuthUser, @Param('version') version: string) {
    return this.policies.get(user, versionOf(version, 'version'));
  }

  @Get(':a/diff/:b')
  diff(@CurrentUser() user: AuthUser, @Param('a') a: string, @Param('b') b: string) {
    return this.policies.diff(user, versionOf(a, 'a'), versionOf(b, 'b'));
  }

  @Post()
  @HttpCode(201)
  publish(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    assertText(body, 'body');
    return this.policies.publish(user, body);
  }
}
