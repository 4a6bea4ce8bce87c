import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'aso:public';

/** Marks a route that needs no access token (login, refresh, health). Everything else does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
