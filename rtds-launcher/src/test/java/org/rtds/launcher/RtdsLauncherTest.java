package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtdsLauncherTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void dispatchesImportAndItsHelp() throws Exception {
    assertThat(RtdsLauncher.run(new String[] {"import", "--help"}, out)).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./rtds import");
  }

  @Test
  void generalHelpAndUnknownCommands() throws Exception {
    assertThat(RtdsLauncher.run(new String[] {"--help"}, out)).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("./rtds import DIR");
    assertThat(RtdsLauncher.run(new String[0], out)).isEqualTo(2);
    assertThatThrownBy(() -> RtdsLauncher.run(new String[] {"fly"}, out))
        .hasMessageContaining("unknown command 'fly'");
    assertThatThrownBy(() -> RtdsLauncher.run(new String[] {"run", "now"}, out))
        .hasMessageContaining("'run' takes no arguments");
  }
}
