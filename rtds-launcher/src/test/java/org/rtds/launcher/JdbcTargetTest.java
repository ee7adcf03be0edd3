package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcTargetTest {

  @Test
  void parsesHostPortDatabaseAndProperties() {
    JdbcTarget t =
        JdbcTarget.parse(
            "jdbc:mysql://db.hospital.example:3307/dsrt?sslMode=VERIFY_CA&trustCertificateKeyStoreUrl=file:/etc/rtds/ca.jks");
    assertThat(t.host()).isEqualTo("db.hospital.example");
    assertThat(t.port()).isEqualTo(3307);
    assertThat(t.database()).isEqualTo("dsrt");
    assertThat(t.properties())
        .containsEntry("sslMode", "VERIFY_CA")
        .containsEntry("trustCertificateKeyStoreUrl", "file:/etc/rtds/ca.jks");
    assertThat(t.isLoopback()).isFalse();
  }

  @Test
  void defaultsPortAndAcceptsMariadbScheme() {
    JdbcTarget t = JdbcTarget.parse("jdbc:mariadb://127.0.0.1/dsrt");
    assertThat(t.port()).isEqualTo(3306);
    assertThat(t.isLoopback()).isTrue();
    assertThat(t.url()).isEqualTo("jdbc:mysql://127.0.0.1:3306/dsrt");
  }

  @Test
  void withDefaultKeepsExplicitSetting() {
    JdbcTarget t = JdbcTarget.parse("jdbc:mysql://localhost/dsrt?sslMode=REQUIRED");
    assertThat(t.withDefault("sslMode", "DISABLED").properties())
        .containsEntry("sslMode", "REQUIRED");
    assertThat(
            new JdbcTarget("localhost", 1, "x", Map.of()).withDefault("sslMode", "DISABLED").url())
        .isEqualTo("jdbc:mysql://localhost:1/x?sslMode=DISABLED");
  }

  @Test
  void rejectsWhatIsNotAMysqlUrlWithAClearMessage() {
    assertThatThrownBy(() -> JdbcTarget.parse("jdbc:postgresql://localhost/dsrt"))
        .hasMessageContaining("not a MySQL/MariaDB JDBC URL")
        .hasMessageContaining("jdbc:mysql://");
    assertThatThrownBy(() -> JdbcTarget.parse("jdbc:mysql://localhost:3306"))
        .hasMessageContaining("DATABASE");
    assertThatThrownBy(() -> JdbcTarget.parse("jdbc:mysql://localhost:99999/dsrt"))
        .hasMessageContaining("port 99999");
    assertThatThrownBy(() -> JdbcTarget.parse("jdbc:mysql://localhost/dsrt?novalue"))
        .hasMessageContaining("malformed parameter 'novalue'");
  }
}
