import type { CaseActor } from '@aso/contracts';
import type { Actor } from '@aso/domain';

/** The domain's actor for the person the API vouches for (a copy: the domain never holds a view). */
export const actorOf = (a: CaseActor): Actor => ({
  userId: a.userId,
  department: a.department,
  roles: [...a.roles],
});
