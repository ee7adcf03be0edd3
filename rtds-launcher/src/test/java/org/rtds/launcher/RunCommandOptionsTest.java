package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's JVM options: defaults, RTDS_JAVA_OPTS, and the direct-buffer cap (D60). */
class RunCommandOptionsTest {

  @Test
  void withoutRtdsJavaOptsTheDefaultsAndTheBufferCapApply() {
    assertThat(RunCommand.serverJavaOptions(List.of()))
        .containsExactly("-Xms256m", "-Xmx2g", "-Djdk.nio.maxCachedBufferSize=262144");
  }

  @Test
  void rtdsJavaOptsReplaceTheDefaultsButNotTheBufferCap() {
    assertThat(RunCommand.serverJavaOptions(List.of("-Xmx4g", "-XX:+UseZGC")))
        .containsExactly("-Xmx4g", "-XX:+UseZGC", "-Djdk.nio.maxCachedBufferSize=262144");
  }

  @Test
  void aBufferCapInRtdsJavaOptsIsKeptAsGiven() {
    assertThat(RunCommand.serverJavaOptions(List.of("-Djdk.nio.maxCachedBufferSize=1048576")))
        .containsExactly("-Djdk.nio.maxCachedBufferSize=1048576");
  }
}
