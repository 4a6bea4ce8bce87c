import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { WorkflowRejection } from '@aso/temporal';
import { catchError, throwError, type Observable } from 'rxjs';
import { MetricsRegistry } from './metrics.registry';

/**
 * Counts refusals that came from a workflow's update validator (the authority on task rules),
 * by code. Refusals the API's own pre-checks raise are domain errors, not counted here: this
 * figure shows what got past the API and was still refused by the process.
 */
@Injectable()
export class WorkflowRejectionInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsRegistry) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (e instanceof WorkflowRejection) this.metrics.workflowRejections.inc({ code: e.code });
        return throwError(() => e);
      }),
    );
  }
}
