package org.rtds.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostBootCommandsTest {

  @Test
  void createsThePoolAndTheJdbcRtdsResource() {
    var db =
        new DatabaseConnection(
            new JdbcTarget("127.0.0.1", 3307, "dsrt", Map.of("sslMode", "DISABLED")),
            "rtds",
            "pa:ss\\w\"d",
            DatabaseProbe.MARIADB_DIALECT,
            "MariaDB 10.11");
    String commands = PostBootCommands.forDatabase(db);
    assertThat(commands.lines()).hasSize(2);
    assertThat(commands)
        .contains("--datasourceclassname com.mysql.cj.jdbc.MysqlDataSource")
        .contains("serverName=127.0.0.1:portNumber=3307:databaseName=dsrt:user=rtds")
        .contains("sslMode=DISABLED")
        .contains("create-jdbc-resource --connectionpoolid rtdsPool jdbc/rtds");
    // ':' escaped for asadmin's property syntax, then the argument quoted for the command file
    assertThat(commands).contains("password=pa\\\\:ss\\\\\\\\w\\\"d");
  }

  @Test
  void escapesPropertySeparators() {
    assertThat(PostBootCommands.escape("a:b\\c=d")).isEqualTo("a\\:b\\\\c\\=d");
  }
}
