package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A released migration never changes, not even a comment: Flyway's checksum covers every line, and
 * a changed one stops every database that has applied it ("checksum mismatch"). To document a
 * released migration differently, write it in ARCHITECTURE.md or in a later migration (V5 does so
 * for V1's misspelt rt_dose column). Pin a new migration here once it is released.
 */
class AppliedMigrationsUnchangedTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "V1__dsrt_schema.sql, 78603ed0e5c1d1aac3b522df2e525deed503a059ad643bdf6c8c7b5837600a7d",
    "V2__widen_lossy_columns.sql, 2be50ac17499c78381a7c6e93e37100ca119cd87095cb749c627eda145e16568",
    "V3__ingestion.sql, 23314b3fd5609155bcdd4a73c31beb1df0cf64edf2aab532fa737ca911701f35",
    "V4__dose_constraints.sql, bf106bff074396c23ef075f13b479fc22b155f798671828f80f3220dec52050f",
  })
  void theMigrationIsByteForByteAsReleased(String file, String sha256) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/" + file)) {
      assertThat(in).as(file).isNotNull();
      // line endings do not count (a Windows checkout; Flyway's checksum ignores them too)
      byte[] text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("\r\n", "\n")
              .getBytes(StandardCharsets.UTF_8);
      String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
      assertThat(actual).as(file + " changed after release").isEqualTo(sha256);
    }
  }
}
