import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * A Temporal connection for a test file, with the SDK's retries — except once the file closes
 * it. `Connection.close()` does not clear the retry interceptor's timers: a call the close cut
 * off is retried 100 ms later on the closed channel, and its "Channel has been shut down" is
 * thrown inside a timer, failing whichever suite the jest worker runs next (seen in CI).
 */
export async function connectTestTemporal(): Promise<{
  connection: Connection;
  close(): Promise<void>;
}> {
  let closing = false;
  const retry = defaultGrpcRetryOptions();
  const connection = await Connection.connect({
    address: process.env.ASO_E2E_TEMPORAL_ADDRESS,
    interceptors: [
      makeGrpcRetryInterceptor({
        delayFunction: retry.delayFunction,
        retryableDecider: (attempt, status) => !closing && retry.retryableDecider(attempt, status),
      }),
    ],
  });
  return {
    connection,
    async close() {
      closing = true;
      await connection.close();
    },
  };
}
