package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOptionsTest {

  private static final Function<String, Optional<String>> NO_TERMINAL = p -> Optional.empty();

  @TempDir Path dir;

  private ImportOptions parse(Map<String, String> env, String... args) {
    return ImportOptions.parse(args, env, NO_TERMINAL);
  }

  @Test
  void defaultsFromTheEnvironment() {
    ImportOptions o = parse(Map.of("RTDS_ADMIN_PASSWORD", "secret99"), dir.toString());
    assertThat(o.dir()).isEqualTo(dir.toAbsolutePath());
    assertThat(o.url()).isEqualTo(URI.create("http://localhost:8080/rtds"));
    assertThat(o.instancesUrl())
        .isEqualTo(URI.create("http://localhost:8080/rtds/api/v1/instances"));
    assertThat(o.user()).isEqualTo("admin");
    assertThat(o.password()).isEqualTo("secret99");
    assertThat(o.threads()).isEqualTo(4);
    assertThat(o.help()).isFalse();

    ImportOptions port =
        parse(Map.of("RTDS_HTTP_PORT", "9090", "RTDS_PASSWORD", "pw"), dir.toString());
    assertThat(port.url()).isEqualTo(URI.create("http://localhost:9090/rtds"));
  }

  @Test
  void optionsWinOverTheEnvironment() {
    Map<String, String> env =
        Map.of("RTDS_URL", "http://env:1/rtds", "RTDS_USER", "envuser", "RTDS_PASSWORD", "pw");
    ImportOptions o =
        parse(
            env,
            "--url",
            "https://rtds.example.org/rtds/",
            "--user=physicist",
            "--threads",
            "8",
            dir.toString());
    assertThat(o.url()).isEqualTo(URI.create("https://rtds.example.org/rtds"));
    assertThat(o.user()).isEqualTo("physicist");
    assertThat(o.threads()).isEqualTo(8);
    assertThat(parse(env, dir.toString()).url()).isEqualTo(URI.create("http://env:1/rtds"));
    assertThat(parse(env, dir.toString()).user()).isEqualTo("envuser");
  }

  @Test
  void thePasswordComesFromRtdsPasswordTheAdminVariableOrTheTerminal() {
    assertThat(
            parse(Map.of("RTDS_PASSWORD", "a", "RTDS_ADMIN_PASSWORD", "b"), dir.toString())
                .password())
        .isEqualTo("a");
    // RTDS_ADMIN_PASSWORD is only admin's
    assertThatThrownBy(
            () -> parse(Map.of("RTDS_ADMIN_PASSWORD", "b"), "--user", "physicist", dir.toString()))
        .hasMessageContaining("no password for 'physicist'")
        .hasMessageContaining("RTDS_PASSWORD");
    ImportOptions prompted =
        ImportOptions.parse(
            new String[] {dir.toString()},
            Map.of(),
            prompt -> Optional.of("typed-" + prompt.length()));
    assertThat(prompted.password()).startsWith("typed-");
    assertThat(prompted.toString()).doesNotContain("typed-");
  }

  @Test
  void usageErrorsSayWhatIsWrong() {
    Map<String, String> env = Map.of("RTDS_PASSWORD", "pw");
    assertThatThrownBy(() -> parse(env)).hasMessageContaining("which folder");
    assertThatThrownBy(() -> parse(env, dir.resolve("missing").toString()))
        .hasMessageContaining("there is no folder");
    assertThatThrownBy(() -> parse(env, "--threads", "0", dir.toString()))
        .hasMessageContaining("--threads must be a number from 1 to 64");
    assertThatThrownBy(() -> parse(env, "--url", "localhost:8080", dir.toString()))
        .hasMessageContaining("--url must be an http(s) URL");
    assertThatThrownBy(() -> parse(env, "--force", dir.toString()))
        .hasMessageContaining("unknown option '--force'");
    assertThatThrownBy(() -> parse(env, dir.toString(), dir.toString()))
        .hasMessageContaining("only one folder");
    assertThatThrownBy(() -> parse(env, dir.toString(), "--url"))
        .hasMessageContaining("--url needs a value");
  }

  @Test
  void aFileIsNotAFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("CT.1.dcm"), "x");
    assertThatThrownBy(() -> parse(Map.of("RTDS_PASSWORD", "pw"), file.toString()))
        .hasMessageContaining("is a file, not a folder");
  }

  @Test
  void helpNeedsNothingElse() {
    assertThat(parse(Map.of(), "--help").help()).isTrue();
    assertThat(parse(Map.of(), "some-dir", "-h").help()).isTrue();
    assertThat(ImportOptions.USAGE)
        .contains("./rtds import")
        .contains("--threads")
        .contains("Exit status");
  }
}
