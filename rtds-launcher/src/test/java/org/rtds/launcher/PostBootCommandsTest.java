package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostBootCommandsTest {

  @Test
  void createsThePoolAndTheJdbcRtdsResource() {
    var db =
        new DatabaseConnection(
            new JdbcTarget("127.0.0.1", 3307, "dsrt", Map.of("sslMode", "DISABLED")),
            "rtds",
            "pa:ss=w0rd!\\x",
            DatabaseProbe.MARIADB_DIALECT,
            Optional.of("10.11.5"),
            "MariaDB 10.11");
    String commands = PostBootCommands.forDatabase(db);
    assertThat(commands.lines()).hasSize(2);
    assertThat(commands)
        .contains("--datasourceclassname com.mysql.cj.jdbc.MysqlDataSource")
        .contains("serverName=127.0.0.1:portNumber=3307:databaseName=dsrt:user=rtds")
        .contains("sslMode=DISABLED")
        .contains("create-jdbc-resource --connectionpoolid rtdsPool jdbc/rtds");
    // ':', '=' and '\\' escaped for asadmin's property syntax; Payara Micro keeps the rest verbatim
    assertThat(commands).contains(":sslMode=DISABLED:password=pa\\:ss\\=w0rd!\\\\x rtdsPool\n");
  }

  @Test
  void refusesValuesBootCommandsCannotCarry() {
    for (String bad : new String[] {"with space", "quo\"te", "apo'strophe", "${ENV=X}"}) {
      assertThatThrownBy(() -> PostBootCommands.escape(bad))
          .isInstanceOf(LauncherException.class)
          .hasMessageContaining("cannot carry");
    }
  }

  @Test
  void escapesPropertySeparators() {
    assertThat(PostBootCommands.escape("a:b\\c=d")).isEqualTo("a\\:b\\\\c\\=d");
  }

  @Test
  void writesAnEmptyPasswordAsAnEmptyQuotedValue() {
    var db =
        new DatabaseConnection(
            new JdbcTarget("127.0.0.1", 3306, "dsrt", Map.of("sslMode", "DISABLED")),
            "root",
            "",
            DatabaseProbe.MARIADB_DIALECT,
            Optional.of("10.11.5"),
            "MariaDB 10.11");
    // without a password property Payara gives the driver no credential ("No PasswordCredential
    // found"); 'password=' alone is invalid asadmin syntax; asadmin reads "" as the empty string
    assertThat(PostBootCommands.forDatabase(db))
        .contains(":user=root:characterEncoding=UTF-8:")
        .contains(":sslMode=DISABLED:password=\"\" rtdsPool\n");
  }
}
