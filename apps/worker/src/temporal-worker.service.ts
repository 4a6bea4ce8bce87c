import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@aso/config';
import {
  AuditRepository,
  CasesRepository,
  DocumentsRepository,
  PoliciesRepository,
  ReviewSourcesRepository,
  TasksRepository,
  WebhooksRepository,
  FollowUpCustomersRepository,
} from '@aso/persistence';
import { workflowSource } from '@aso/temporal';
import {
  BusinessCalendar,
  defaultCalendarSettings,
  defaultHolidayTables,
  uncoveredComingYears,
} from '@aso/domain';
import { createCaseActivities } from './activities/case.activities';
import { crashAfterCommitHook } from './activities/crash-after-commit';
import { createFollowUpPlanActivities } from './activities/follow-up-plan.activities';
import { createReviewActivities } from './activities/review.activities';
import { createWebhookActivities } from './webhooks/webhook.activities';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

/** Hosts the workflows and activities; runs until the application shuts down. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private clientConnection?: Connection;
  private dispatcher?: WebhookDispatcher;

  /**
   * No State Council table for this year or the next (2027 is not published on this machine and
   * is never invented): deadlines reaching it count weekends only and carry calendarCovered
   * false. Said once at start, so operators load the table when it is published.
   */
  private warnOfCalendarGaps(): void {
    const calendar = new BusinessCalendar(defaultCalendarSettings, defaultHolidayTables);
    const missing = uncoveredComingYears(calendar, Date.now());
    if (missing.length > 0)
      this.logger.warn(
        `No public-holiday table for ${missing.join(', ')} (known: ${calendar.years().join(', ')}): ` +
          'deadlines reaching it count weekends only and are flagged calendarCovered=false',
      );
  }

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditRepository,
    private readonly policies: PoliciesRepository,
    private readonly reviewSources: ReviewSourcesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly followUpCustomers: FollowUpCustomersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.warnOfCalendarGaps();
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    // The webhook outbox starts its delivery workflows with a client of its own.
    this.clientConnection = await Connection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.dispatcher = new WebhookDispatcher(
      this.webhooks,
      new Client({ connection: this.clientConnection, namespace: this.config.TEMPORAL_NAMESPACE }),
      this.config.TEMPORAL_TASK_QUEUE,
      {
        initialIntervalMs: this.config.WEBHOOK_RETRY_INITIAL_MS,
        maximumIntervalMs: this.config.WEBHOOK_RETRY_MAX_MS,
        maximumAttempts: this.config.WEBHOOK_MAX_ATTEMPTS,
        attemptTimeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      },
    );
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      ...workflowSource(),
      // A killed worker's sticky queue holds its cases' next workflow tasks until this timeout,
      // then the server hands them to any worker (default 10 s). Three seconds bounds recovery
      // after a worker crash; a live worker answers its sticky queue in milliseconds.
      stickyQueueScheduleToStartTimeout: '3s',
      ...(this.config.WORKER_MAX_CACHED_WORKFLOWS !== undefined
        ? { maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS }
        : {}),
      activities: {
        ...createFollowUpPlanActivities({ cases: this.cases, customers: this.followUpCustomers }),
        ...createReviewActivities({
          cases: this.cases,
          audit: this.audit,
          reviewSources: this.reviewSources,
        }),
        ...createCaseActivities({
          cases: this.cases,
          tasks: this.tasks,
          documents: this.documents,
          audit: this.audit,
          policies: this.policies,
          // No metrics pipeline exists in the worker yet: the log line is what operators alert on.
          onWriteRejected: (r) =>
            this.logger.warn(
              `write rejected for good: case=${r.caseNumber} code=${r.code} message=${JSON.stringify(r.message)}`,
            ),
          webhooks: this.dispatcher,
          afterCommit: crashAfterCommitHook(process.env.ASO_TEST_CRASH_AFTER_COMMIT),
        }),
        ...createWebhookActivities({
          webhooks: this.webhooks,
          allowPrivateUrls: this.config.WEBHOOK_ALLOW_PRIVATE_URLS,
          timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        }),
      },
    });
    this.dispatcher.startSweeping(this.config.WEBHOOK_SWEEP_MS);
    this.running = this.worker.run();
    this.running.catch((e: unknown) => {
      this.logger.error(`worker stopped: ${(e as Error).message}`);
      process.exitCode = 1;
    });
    this.logger.log(
      `worker polling ${this.config.TEMPORAL_TASK_QUEUE} on ${this.config.TEMPORAL_ADDRESS}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.dispatcher?.stop();
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    await this.clientConnection?.close();
  }
}
