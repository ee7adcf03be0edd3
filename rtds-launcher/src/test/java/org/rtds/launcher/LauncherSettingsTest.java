package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

  @Test
  void defaultsMatchTheInterfaceContract() {
    LauncherSettings s = LauncherSettings.from(Map.of());
    assertThat(s.dbUrl()).isEmpty();
    assertThat(s.dataDir()).isEqualTo(Path.of("rtds-data").toAbsolutePath());
    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.dicomPort()).isEqualTo(11112);
    assertThat(s.aeTitle()).isEqualTo("RTDS");
    assertThat(s.javaOptions()).isEmpty();
  }

  @Test
  void readsEveryVariable() {
    LauncherSettings s =
        LauncherSettings.from(
            Map.of(
                "RTDS_DB_URL",
                "jdbc:mysql://h/dsrt",
                "RTDS_DB_USER",
                "rtds",
                "RTDS_DB_PASSWORD",
                "pw",
                "RTDS_DATA_DIR",
                "/srv/rtds",
                "RTDS_HTTP_PORT",
                "9090",
                "RTDS_DICOM_PORT",
                "104",
                "RTDS_AE_TITLE",
                "RTDS_UCLA",
                "RTDS_JAVA_OPTS",
                " -Xmx4g  -Dx=y "));
    assertThat(s.dbUrl()).contains("jdbc:mysql://h/dsrt");
    assertThat(s.dbUser()).isEqualTo("rtds");
    assertThat(s.dataDir()).isEqualTo(Path.of("/srv/rtds"));
    assertThat(s.httpPort()).isEqualTo(9090);
    assertThat(s.dicomPort()).isEqualTo(104);
    assertThat(s.aeTitle()).isEqualTo("RTDS_UCLA");
    assertThat(s.javaOptions()).containsExactly("-Xmx4g", "-Dx=y");
  }

  @Test
  void theDicomPortMayBeZeroForAFreePortOrNegativeForNoListenerAsTheServerReadsIt() {
    assertThat(LauncherSettings.from(Map.of("RTDS_DICOM_PORT", "0")).dicomPort()).isZero();
    assertThat(LauncherSettings.from(Map.of("RTDS_DICOM_PORT", "-1")).dicomPort()).isEqualTo(-1);
    assertThat(LauncherSettings.from(Map.of("RTDS_DICOM_PORT", " 104 ")).dicomPort())
        .isEqualTo(104);
    assertThatThrownBy(() -> LauncherSettings.from(Map.of("RTDS_HTTP_PORT", "0")))
        .hasMessageContaining("RTDS_HTTP_PORT");
    assertThatThrownBy(() -> LauncherSettings.from(Map.of("RTDS_DICOM_PORT", "x")))
        .hasMessageContaining("RTDS_DICOM_PORT");
  }

  @Test
  void rejectsBadValuesNamingTheVariable() {
    assertThatThrownBy(() -> LauncherSettings.from(Map.of("RTDS_HTTP_PORT", "http")))
        .hasMessageContaining("RTDS_HTTP_PORT")
        .hasMessageContaining("'http'");
    assertThatThrownBy(() -> LauncherSettings.from(Map.of("RTDS_DICOM_PORT", "70000")))
        .hasMessageContaining("RTDS_DICOM_PORT");
    assertThatThrownBy(
            () -> LauncherSettings.from(Map.of("RTDS_AE_TITLE", "A_TITLE_LONGER_THAN_16")))
        .hasMessageContaining("AE title");
    assertThatThrownBy(() -> LauncherSettings.from(Map.of("RTDS_DB_URL", "jdbc:mysql://h/dsrt")))
        .hasMessageContaining("RTDS_DB_USER");
  }

  @Test
  void theFirstAdminPasswordIsPassedOnAsTheServerReadsItAndCanBeChosenByTheDemo() {
    assertThat(LauncherSettings.from(Map.of()).adminPassword()).isEmpty();
    assertThat(LauncherSettings.from(Map.of("RTDS_ADMIN_PASSWORD", "  ")).adminPassword())
        .isEmpty();
    LauncherSettings s =
        LauncherSettings.from(
            Map.of("RTDS_ADMIN_PASSWORD", " first pw ", "RTDS_DB_PASSWORD", "dbpw"));
    assertThat(s.adminPassword()).contains(" first pw ");
    LauncherSettings chosen = s.withAdminPassword(java.util.Optional.of("chosen-by-demo"));
    assertThat(chosen.adminPassword()).contains("chosen-by-demo");
    assertThat(chosen.withAdminPassword(java.util.Optional.empty()).httpPort())
        .isEqualTo(s.httpPort());
    assertThat(chosen.toString()).doesNotContain("chosen-by-demo").doesNotContain("dbpw");
  }
}
