package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerLogRelayTest {

  private final StringWriter log = new StringWriter();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ServerLogRelay relay(String... lines) {
    ServerLogRelay relay =
        new ServerLogRelay(
            new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
            log,
            new PrintStream(console, true, StandardCharsets.UTF_8));
    relay.run();
    return relay;
  }

  private String shown() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsRtdsMessagesAndSevereOnesAndLogsEverything() {
    ServerLogRelay relay =
        relay(
            "[2026-11-26T08:50:01.123+0000] [] [INFO] [] [fish.payara.micro.impl] [tid: _ThreadID=1] [[",
            "  Payara Micro is starting]]",
            "[2026-11-26T08:50:02.000+0000] [] [INFO] [] [org.rtds.web.boot.ApplicationStartup] [tid: 2] [[",
            "  RTDS schema at version 2]]",
            "[2026-11-26T08:50:03.000+0000] [] [SEVERE] [] [jakarta.enterprise.web] [tid: 3] [[",
            "  Something broke",
            "  on two lines]]",
            "[2026-11-26T08:50:04.000+0000] [] [FINE] [] [org.rtds.x] [tid: 4] [[",
            "  debug detail]]",
            "plain line");
    assertThat(shown())
        .contains("RTDS schema at version 2")
        .contains("  Something broke\n")
        .doesNotContain("on two lines")
        .doesNotContain("Payara Micro is starting")
        .doesNotContain("debug detail");
    assertThat(log.toString()).contains("Payara Micro is starting").contains("plain line");
    assertThat(relay.tail()).last().isEqualTo("plain line");
    assertThat(relay.deploymentFailure()).isNull();
  }

  @Test
  void stripsTerminalColoursAndReadsSingleLineRecords() {
    relay(
        "[2026-11-26T08:25:34.880+0000] [] [\u001B[1;93mWARNING\u001B[0m] [] [\u001B[1;94mPayaraMicro\u001B[0m] "
            + "[tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1795681534880] [levelValue: 900] "
            + "Runtime directory is temporary",
        "[2026-11-26T08:25:35.000+0000] [] [\u001B[1;91mSEVERE\u001B[0m] [] [\u001B[1;94mjavax.x\u001B[0m] "
            + "[tid: 1] [levelValue: 1000] Single line severe");
    assertThat(shown()).contains("  Single line severe\n").doesNotContain("Runtime directory");
    assertThat(log.toString()).doesNotContain("\u001B").contains("[WARNING] [] [PayaraMicro]");
  }

  @Test
  void noticesAFailedDeployment() {
    ServerLogRelay relay =
        relay(
            "[2026-11-26T08:25:52.643+0000] [] [SEVERE] [] [javax.enterprise.system.core] [tid: 1] [[",
            "  Exception while loading the app : CDI deployment failure",
            "  at somewhere]]");
    assertThat(relay.deploymentFailure())
        .isEqualTo("Exception while loading the app : CDI deployment failure");
  }

  @Test
  void noticesAStartUpFailureThatIsAConfigurationError() {
    ServerLogRelay relay =
        relay(
            "[2026-12-05T08:25:52.643+0000] [] [SEVERE] [] [org.rtds.web.boot.ApplicationStartup]"
                + " [tid: 1] [[",
            "  RTDS start-up failed, retrying every 15 s: Cannot read the tables of the RTDS"
                + " database: No PasswordCredential found",
            "  at somewhere]]");
    assertThat(relay.configurationFailure())
        .startsWith("RTDS start-up failed")
        .endsWith("No PasswordCredential found");
    assertThat(
            relay(
                    "[2026-12-05T08:25:52.643+0000] [] [WARNING] [] [org.rtds.web.boot.ApplicationStartup]"
                        + " [tid: 1] RTDS start-up failed, retrying every 15 s: Access denied for"
                        + " user 'rtds'@'localhost' (using password: YES)")
                .configurationFailure())
        .contains("Access denied");
  }

  @Test
  void aDatabaseOutageIsNotAConfigurationError() {
    ServerLogRelay relay =
        relay(
            "[2026-12-05T08:25:52.643+0000] [] [SEVERE] [] [org.rtds.web.boot.ApplicationStartup]"
                + " [tid: 1] [[",
            "  RTDS start-up failed, retrying every 15 s: Communications link failure",
            "  at somewhere]]",
            // another component's message about the same words is not RTDS's start-up
            "[2026-12-05T08:25:53.000+0000] [] [SEVERE] [] [javax.enterprise.resource] [tid: 1]"
                + " Access denied for user 'x'");
    assertThat(relay.configurationFailure()).isNull();
    assertThat(relay.deploymentFailure()).isNull();
  }
}
