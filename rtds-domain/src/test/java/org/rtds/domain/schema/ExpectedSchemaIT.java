package org.rtds.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.rtds.domain.testing.TestDatabase;

/**
 * The committed description of what the migrations create ({@value ExpectedSchema#RESOURCE}, read
 * by SchemaMigrator at run time) is what they really create, version by version: each migration is
 * applied in turn to a scratch database and information_schema is read after it. When a migration
 * changes or is added, this test fails and writes the new description to {@code target/}; run it
 * with {@code -Drtds.schema.regenerate=true} to write it into src/main/resources instead.
 */
class ExpectedSchemaIT {

  private static final Path SOURCE = Path.of("src/main/resources", ExpectedSchema.RESOURCE);
  private static final Path GENERATED = Path.of("target", "expected-schema.tsv");

  @Test
  void theCommittedDescriptionIsWhatTheMigrationsCreate() throws Exception {
    String generated;
    try (TestDatabase database = TestDatabase.create("expected")) {
      List<MigrationVersion> versions =
          java.util.Arrays.stream(
                  SchemaMigrator.flywayConfiguration(database.dataSource()).load().info().all())
              .map(m -> m.getVersion())
              .distinct()
              .sorted()
              .toList();
      Map<String, SchemaSnapshot> snapshots = new LinkedHashMap<>();
      for (MigrationVersion version : versions) {
        SchemaMigrator.flywayConfiguration(database.dataSource()).target(version).load().migrate();
        try (Connection connection = database.dataSource().getConnection()) {
          snapshots.put(version.getVersion(), SchemaSnapshot.read(connection));
        }
      }
      generated = ExpectedSchema.format(snapshots);
    }
    String committed = Files.readString(SOURCE, StandardCharsets.UTF_8);
    if (!generated.equals(committed)) {
      write(Boolean.getBoolean("rtds.schema.regenerate") ? SOURCE : GENERATED, generated);
    }
    assertThat(committed)
        .as(
            "%s is out of date with the migrations; the new description is in %s (rerun with"
                + " -Drtds.schema.regenerate=true to write it into src/main/resources, then review"
                + " and commit it)",
            SOURCE, GENERATED)
        .isEqualTo(generated);
    ExpectedSchema parsed = ExpectedSchema.parse(committed);
    assertThat(parsed.at(MigrationVersion.fromVersion("1")).tables()).hasSize(26);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
