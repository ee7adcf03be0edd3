package org.rtds.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.TimerService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A database the schema migrator refuses is a configuration error: start-up does not schedule a
 * retry, and the node stays not ready with the refusal as the readiness detail. A database that
 * cannot be reached is retried.
 */
class ApplicationStartupTest {

  private final List<String> timers = new ArrayList<>();

  @Test
  void aRefusedDatabaseIsNotRetriedAndTheReasonIsTheReadinessDetail() {
    ApplicationStartup startup = startup(database("invoices"));

    startup.start();

    assertThat(startup.state().ready()).isFalse();
    assertThat(startup.state().detail())
        .startsWith("start-up refused, not retrying")
        .contains("is not empty and is not a dsrt database")
        .contains("invoices");
    assertThat(timers).isEmpty();
  }

  @Test
  void anUnreachableDatabaseIsRetried() {
    ApplicationStartup startup =
        startup(
            proxy(
                DataSource.class,
                (p, method, args) -> {
                  throw new java.sql.SQLException("Connection refused");
                }));

    startup.start();

    assertThat(startup.state().ready()).isFalse();
    assertThat(startup.state().detail()).startsWith("start-up failed, retrying");
    assertThat(timers).containsExactly("createSingleActionTimer");
  }

  @Test
  void aWrongKnowledgeBaseSettingIsRefusedWithItsName() {
    ApplicationStartup startup = startup(database("invoices"));
    startup.config = config(java.util.Map.of("RTDS_QC_TOLERANCE_GY", "three"));

    startup.start();

    assertThat(startup.state().ready()).isFalse();
    assertThat(startup.state().detail()).contains("RTDS_QC_TOLERANCE_GY must be a number");
    assertThat(timers).isEmpty();
  }

  /** Configuration with just these values. */
  private static RtdsConfig config(java.util.Map<String, String> values) {
    RtdsConfig config = new RtdsConfig();
    config.config =
        proxy(
            org.eclipse.microprofile.config.Config.class,
            (p, method, args) -> {
              if (method.getName().equals("getOptionalValue")) {
                return java.util.Optional.ofNullable(values.get((String) args[0]));
              }
              throw new UnsupportedOperationException(method.getName());
            });
    return config;
  }

  private ApplicationStartup startup(DataSource dataSource) {
    ApplicationStartup startup = new ApplicationStartup();
    startup.config = config(java.util.Map.of());
    startup.dataSource = dataSource;
    startup.timerService =
        proxy(
            TimerService.class,
            (p, method, args) -> {
              timers.add(method.getName());
              return null;
            });
    return startup;
  }

  /**
   * A database named "legacy" whose only table has the given name: answers the migrator's lock and
   * table queries, nothing else.
   */
  private static DataSource database(String table) {
    Connection connection =
        proxy(
            Connection.class,
            (p, method, args) ->
                switch (method.getName()) {
                  case "getCatalog" -> "legacy";
                  case "prepareStatement" -> statement((String) args[0], table);
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
    return proxy(
        DataSource.class,
        (p, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return connection;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static PreparedStatement statement(String sql, String table) {
    List<Object> values =
        sql.contains("GET_LOCK")
            ? List.of(1)
            : sql.contains("TABLE_NAME") ? List.of(table) : List.of();
    return proxy(
        PreparedStatement.class,
        (p, method, args) ->
            switch (method.getName()) {
              case "executeQuery" -> rows(values);
              case "execute" -> true;
              case "setInt", "close" -> null;
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  private static ResultSet rows(List<Object> values) {
    Iterator<Object> it = values.iterator();
    Object[] current = new Object[1];
    return proxy(
        ResultSet.class,
        (p, method, args) ->
            switch (method.getName()) {
              case "next" -> {
                boolean more = it.hasNext();
                current[0] = more ? it.next() : null;
                yield more;
              }
              case "getInt" -> (Integer) current[0];
              case "getString" -> (String) current[0];
              case "close" -> null;
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
