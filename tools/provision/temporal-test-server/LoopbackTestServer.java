// Temporal's time-skipping test server (io.temporal.testserver.TestServer) binds every interface;
// our tests may only listen on loopback, so this launcher wires the same services (the same
// TestServicesStarter + GRPCServerHelper that TestServer.createPortBoundServer uses) onto
// 127.0.0.1 instead. Same command line: <port> [--enable-time-skipping].
// ASO_TEST_SERVER_START (an ISO-8601 instant) sets the server's clock at start: workflow tests
// that walk real calendar dates (a December 2026 holiday block) start before them on any day the
// suite runs, instead of at the wall clock (0 = now, the SDK's behaviour).
// `--cds-train` starts the services on an ephemeral port and stops at once: run under
// -XX:ArchiveClassesAtExit it records the classes a start loads (tools/provision/test-server.ts).
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.net.InetAddress;
import java.net.InetSocketAddress;

public final class LoopbackTestServer {
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && "--cds-train".equals(args[0])) {
      Server server = start(0, true);
      server.shutdownNow().awaitTermination();
      // The services' executors are not daemons: exit explicitly (the archive is written here).
      System.exit(0);
    }
    if (args.length < 1 || args.length > 2) {
      System.err.println("Usage: LoopbackTestServer <port> [--enable-time-skipping]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean enableTimeSkipping = args.length == 2 && "--enable-time-skipping".equalsIgnoreCase(args[1]);
    Server server = start(port, enableTimeSkipping);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    server.awaitTermination();
  }

  private static Server start(int port, boolean enableTimeSkipping) throws Exception {
    String start = System.getenv("ASO_TEST_SERVER_START");
    long initialTimeMillis =
        start == null || start.isEmpty() ? 0 : java.time.Instant.parse(start).toEpochMilli();
    TestServicesStarter services = new TestServicesStarter(!enableTimeSkipping, initialTimeMillis);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    return builder.build().start();
  }
}
