package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dose constraints seeded by migration V4 name their structures by TG-263 standard names that
 * ingestion actually assigns: an ROI drawn with that name (or a synonym) gets the constraint.
 */
class SeededConstraintNamesTest {

  @Test
  void everySeededStructureIsAStandardNameIngestionAssigns() throws IOException {
    String sql;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("db/migration/V4__dose_constraints.sql")) {
      assertThat(in).isNotNull();
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher row = Pattern.compile("\\n  \\('([^']+)', '").matcher(sql);
    while (row.find()) {
      names.add(row.group(1));
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(15);
    RoiNameNormalizer normalizer = RoiNameNormalizer.standard();
    for (String name : names) {
      assertThat(normalizer.classify(name, "ORGAN").standardName())
          .as("ROI named '%s'", name)
          .hasValue(name);
    }
  }
}
