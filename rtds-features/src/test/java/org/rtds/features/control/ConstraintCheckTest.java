package org.rtds.features.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rtds.features.dose.metric.Metric;
import org.rtds.features.dose.metric.MetricParser;

class ConstraintCheckTest {

  @Test
  void upperAndLowerLimitsWithTheirMargins() {
    assertThat(ConstraintCheck.passes("<", 24.0, 26.0)).isTrue();
    assertThat(ConstraintCheck.margin("<", 24.0, 26.0)).isEqualTo(2.0);
    assertThat(ConstraintCheck.passes("<", 26.0, 26.0)).isFalse();
    assertThat(ConstraintCheck.passes("<=", 26.0, 26.0)).isTrue();
    assertThat(ConstraintCheck.passes("<", 30.5, 26.0)).isFalse();
    assertThat(ConstraintCheck.margin("<", 30.5, 26.0)).isEqualTo(-4.5);
    // a coverage constraint: PTV D95% >= 66.5 Gy
    assertThat(ConstraintCheck.passes(">=", 67.0, 66.5)).isTrue();
    assertThat(ConstraintCheck.margin(">=", 67.0, 66.5)).isEqualTo(0.5);
    assertThat(ConstraintCheck.passes(">", 66.5, 66.5)).isFalse();
  }

  @Test
  void anUnknownComparatorIsRefusedByName() {
    assertThatThrownBy(() -> ConstraintCheck.passes("=<", 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'=<'")
        .hasMessageContaining("<, <=, >, >=");
  }

  @Test
  void describesAConstraintAsCliniciansWriteIt() {
    assertThat(ConstraintCheck.describe("Parotid_L", "Dmean", "<", 26.0, "Gy"))
        .isEqualTo("Parotid_L Dmean < 26 Gy");
    assertThat(ConstraintCheck.describe("Lungs", "V20Gy", "<=", 30.0, "%"))
        .isEqualTo("Lungs V20Gy <= 30 %");
  }

  /** The starting set in migration V4: every metric parses, is canonical and has its unit. */
  @Test
  void everySeededConstraintIsAValidMetricWithItsUnit() throws IOException {
    String sql;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("db/migration/V4__dose_constraints.sql")) {
      assertThat(in).as("V4 migration on the class path").isNotNull();
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher row =
        Pattern.compile("\\('([^']+)', '([^']+)', '([<>=]+)', ([0-9.]+), '([^']+)'").matcher(sql);
    List<String> seen = new ArrayList<>();
    while (row.find()) {
      Metric metric = MetricParser.parse(row.group(2));
      assertThat(metric.canonicalName()).as(row.group()).isEqualTo(row.group(2));
      assertThat(metric.unit()).as(row.group()).isEqualTo(row.group(5));
      assertThat(ConstraintCheck.COMPARATORS).contains(row.group(3));
      seen.add(row.group(1));
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(20).contains("Parotid_L", "SpinalCord");
  }
}
