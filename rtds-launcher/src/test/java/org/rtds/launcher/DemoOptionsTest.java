package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {

  @TempDir Path dir;

  private DemoOptions parse(Map<String, String> env, String... args) {
    return DemoOptions.parse(args, env, p -> Optional.empty());
  }

  private Map<String, String> env() {
    return Map.of("RTDS_PASSWORD", "sekrit99", "RTDS_DATA_DIR", dir.toString());
  }

  @Test
  void defaults() {
    DemoOptions o = parse(env());
    assertThat(o.size()).isEqualTo(40);
    assertThat(o.seed()).isEqualTo(1);
    assertThat(o.url()).isEqualTo(URI.create("http://localhost:8080/rtds"));
    assertThat(o.user()).isEqualTo("admin");
    assertThat(o.password()).isEqualTo("sekrit99");
    assertThat(o.threads()).isEqualTo(4);
    assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(20));
    assertThat(o.dataDir()).isEqualTo(dir.toAbsolutePath());
    assertThat(o.help()).isFalse();
    assertThat(o.toString()).doesNotContain("sekrit99");
    assertThat(parse(Map.of("RTDS_ADMIN_PASSWORD", "adminpw")).dataDir())
        .isEqualTo(Path.of("rtds-data").toAbsolutePath());
  }

  @Test
  void optionsWinOverTheEnvironment() {
    Map<String, String> env =
        Map.of("RTDS_URL", "http://env:1/rtds", "RTDS_USER", "envuser", "RTDS_PASSWORD", "pw");
    DemoOptions o =
        parse(
            env,
            "--size",
            "3",
            "--seed=7",
            "--url",
            "https://rtds.example.org/rtds/",
            "--user",
            "physicist",
            "--threads",
            "2",
            "--timeout-min",
            "5");
    assertThat(o.size()).isEqualTo(3);
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.url()).isEqualTo(URI.create("https://rtds.example.org/rtds"));
    assertThat(o.user()).isEqualTo("physicist");
    assertThat(o.threads()).isEqualTo(2);
    assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(parse(env).url()).isEqualTo(URI.create("http://env:1/rtds"));
    assertThat(parse(env).user()).isEqualTo("envuser");
    assertThat(o.importOptions(dir).instancesUrl())
        .isEqualTo(URI.create("https://rtds.example.org/rtds/api/v1/instances"));
  }

  @Test
  void badValuesAndUnknownOptionsAreUsageErrorsThatNameTheProblem() {
    assertThatThrownBy(() -> parse(env(), "--size", "1"))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("--size must be a number from 2 to 999")
        .hasMessageContaining("not '1'")
        .hasMessageEndingWith("(see ./rtds demo --help)");
    assertThatThrownBy(() -> parse(env(), "--size", "forty"))
        .hasMessageContaining("--size must be a number from 2 to 999")
        .hasMessageContaining("not 'forty'");
    assertThatThrownBy(() -> parse(env(), "--size")).hasMessageContaining("--size needs a value");
    assertThatThrownBy(() -> parse(env(), "--seed", "1.5"))
        .hasMessageContaining("--seed must be a whole number, not '1.5'");
    assertThatThrownBy(() -> parse(env(), "--timeout-min", "0"))
        .hasMessageContaining("--timeout-min must be a number of minutes from 1 to 1440");
    assertThatThrownBy(() -> parse(env(), "--threads", "100"))
        .hasMessageContaining("--threads must be a number from 1 to 64")
        .hasMessageContaining("./rtds demo --help");
    assertThatThrownBy(() -> parse(env(), "--fast"))
        .hasMessage("unknown option '--fast' (see ./rtds demo --help)");
    assertThatThrownBy(() -> parse(env(), "some/folder"))
        .hasMessageContaining("'demo' takes no folder or other argument (got 'some/folder')");
    assertThatThrownBy(() -> parse(env(), "--url", "localhost:8080"))
        .hasMessageContaining("--url must be an http(s) URL");
    assertThatThrownBy(() -> parse(Map.of(), "--user", "physicist"))
        .hasMessageContaining("no password for 'physicist': set RTDS_PASSWORD");
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertThat(parse(Map.of(), "--size", "1", "--help").help()).isTrue();
    assertThat(DemoOptions.USAGE)
        .startsWith("Usage: ./rtds demo")
        .contains("--size N")
        .contains("--timeout-min M")
        .contains("./rtds run in another terminal")
        .contains("RTDS_DATA_DIR/demo/seed-S-size-N/");
  }

  @Test
  void theScriptPrintsTheSameHelpWithoutBuilding() throws Exception {
    String script = Files.readString(Path.of("..", "rtds")); // Surefire runs in the module folder
    String header = "demo_usage() {\n  cat <<'USAGE'\n";
    int start = script.indexOf(header);
    assertThat(start).as("demo_usage() in ./rtds").isPositive();
    int end = script.indexOf("USAGE\n}", start);
    assertThat(script.substring(start + header.length(), end)).isEqualTo(DemoOptions.USAGE);
  }

  @Test
  void theLauncherDispatchesDemoAndReportsUsageErrorsAsExitStatus2() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(RtdsLauncher.run(new String[] {"demo", "--help"}, out)).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./rtds demo");
    // RtdsLauncher.main turns a LauncherException into "rtds: MESSAGE" and exit status 2
    assertThatThrownBy(() -> RtdsLauncher.run(new String[] {"demo", "--size", "0"}, out))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("--size must be a number from 2 to 999");
    assertThat(RtdsLauncher.USAGE).contains("./rtds demo");
  }

  @Test
  void theDemoMayStartRtdsOnlyAtTheLocalUrlOfRtdsRunAndNotWithNoStart() {
    assertThat(parse(env()).mayStart()).isTrue();
    assertThat(parse(env(), "--no-start").mayStart()).isFalse();
    assertThat(parse(env(), "--url", "http://localhost:8080/rtds/").mayStart()).isTrue();
    assertThat(parse(env(), "--url", "http://127.0.0.1:8080/rtds").mayStart()).isTrue();
    assertThat(parse(env(), "--url", "http://localhost:9090/rtds").mayStart()).isFalse();
    assertThat(parse(env(), "--url", "http://localhost:8080/other").mayStart()).isFalse();
    assertThat(parse(env(), "--url", "https://localhost:8080/rtds").mayStart()).isFalse();
    assertThat(parse(env(), "--url", "https://rtds.example.org/rtds").mayStart()).isFalse();
    Map<String, String> port9090 =
        Map.of("RTDS_PASSWORD", "pw", "RTDS_DATA_DIR", dir.toString(), "RTDS_HTTP_PORT", "9090");
    assertThat(parse(port9090).mayStart()).isTrue();
    assertThat(parse(port9090).url()).isEqualTo(URI.create("http://localhost:9090/rtds"));
    assertThat(parse(port9090, "--url", "http://localhost:9090/rtds").mayStart()).isTrue();
    assertThat(parse(port9090, "--url", "http://localhost:8080/rtds").mayStart()).isFalse();
    assertThat(
            parse(Map.of("RTDS_PASSWORD", "pw", "RTDS_URL", "http://rtds.example.org/rtds"))
                .mayStart())
        .isFalse();
    assertThat(
            parse(Map.of("RTDS_PASSWORD", "pw", "RTDS_URL", "http://localhost:8080/rtds"))
                .mayStart())
        .isTrue();
  }

  @Test
  void adminsPasswordIsDecidedLaterOnlyWhenTheDemoMayStartRtds() {
    // nothing set, default URL: decided once the demo knows whether it starts RTDS
    DemoOptions later = parse(Map.of());
    assertThat(later.password()).isNull();
    assertThat(later.adminPassword()).isNull();
    assertThat(later.withPassword("pw-later").password()).isEqualTo("pw-later");
    // no start possible: as before, a usage error without a password
    assertThatThrownBy(() -> parse(Map.of(), "--no-start"))
        .hasMessageContaining(
            "no password for 'admin': set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD)");
    assertThatThrownBy(() -> parse(Map.of(), "--url", "https://rtds.example.org/rtds"))
        .hasMessageContaining("no password for 'admin'");
    DemoOptions admin = parse(Map.of("RTDS_ADMIN_PASSWORD", "first-admin"));
    assertThat(admin.password()).isEqualTo("first-admin");
    assertThat(admin.adminPassword()).isEqualTo("first-admin");
    assertThat(admin.toString()).doesNotContain("first-admin");
  }
}
