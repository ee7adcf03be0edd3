package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseProbeTest {

  @Test
  void readsMariaDbVersions() {
    assertThat(DatabaseProbe.productVersion("10.11.5-MariaDB")).contains("10.11.5");
    assertThat(DatabaseProbe.productVersion("11.4.5-MariaDB-log")).contains("11.4.5");
  }

  @Test
  void dropsTheMySqlCompatibilityPrefixOfMariaDb10() {
    assertThat(DatabaseProbe.productVersion("5.5.5-10.11.19-MariaDB-0+deb12u1"))
        .contains("10.11.19");
  }

  @Test
  void readsMySqlVersions() {
    assertThat(DatabaseProbe.productVersion("8.0.36")).contains("8.0.36");
    assertThat(DatabaseProbe.productVersion("8.4.0-commercial")).contains("8.4.0");
    // a MySQL 5.5.5 itself is not mistaken for the prefix
    assertThat(DatabaseProbe.productVersion("5.5.5")).contains("5.5.5");
  }

  @Test
  void isEmptyWithoutMajorMinorPatch() {
    assertThat(DatabaseProbe.productVersion("MariaDB")).isEmpty();
    assertThat(DatabaseProbe.productVersion("10.11")).isEmpty();
    assertThat(DatabaseProbe.productVersion("")).isEmpty();
    assertThat(DatabaseProbe.productVersion(null)).isEmpty();
  }
}
