package org.rtds.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void databaseNamesAreSafeUniqueAndShortEnoughForMySql() {
    String name =
        TestDatabase.databaseName("Legacy adoption: a very long purpose that goes on and on");

    assertThat(name)
        .startsWith("rtds_it_legacy_adoption_a_very_long")
        .matches("rtds_it_[a-z0-9_]+_[0-9a-f]{8}")
        .hasSizeLessThanOrEqualTo(64);
    assertThat(TestDatabase.databaseName("mapping"))
        .isNotEqualTo(TestDatabase.databaseName("mapping"));
  }
}
