package org.rtds.web.boot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.rtds.domain.schema.MigrationResult;
import org.rtds.domain.schema.SchemaMigrator;
import org.rtds.domain.schema.SchemaRefusedException;
import org.rtds.features.boundary.FeatureScheduler;
import org.rtds.security.boundary.AccountBootstrap;

/**
 * Brings the node to service: migrates the schema (Flyway; several nodes may start at once, Flyway
 * serialises them with a database lock), validates the JPA mapping against the migrated schema, and
 * creates the first administrator. If the database is not reachable yet, it retries every {@value
 * #RETRY_SECONDS} s; until it has succeeded the readiness check reports DOWN with the reason. A
 * database the migrator refused ({@link SchemaRefusedException}: not a dsrt database, or a schema
 * RTDS cannot adopt or migrate; nothing was changed) is a configuration error, not retried: the
 * node stays not ready, with the refusal in the log and the readiness detail, until it is
 * restarted.
 *
 * <p>No transaction: Flyway manages its own connections and locks; the admin bootstrap opens its
 * own.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationStartup {

  static final int RETRY_SECONDS = 15;
  private static final Logger LOG = System.getLogger(ApplicationStartup.class.getName());

  @Resource(lookup = "jdbc/rtds")
  DataSource dataSource;

  @PersistenceUnit(unitName = "rtds")
  EntityManagerFactory emf;

  @Resource TimerService timerService;

  @Inject AccountBootstrap accountBootstrap;

  /** Looked up here, in the web module: a CDI bean in the EAR's lib/ gets no resource injection. */
  @Resource ManagedScheduledExecutorService executor;

  @Inject FeatureScheduler featureScheduler;

  @Inject RtdsConfig config;

  private volatile StartupState state = StartupState.starting();
  private int failures;

  @PostConstruct
  void start() {
    bringUp();
  }

  @Timeout
  void retry() {
    bringUp();
  }

  /** The node's own start-up state; the readiness check combines it with a live database check. */
  public StartupState state() {
    return state;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  private void bringUp() {
    try {
      config.knowledgeBase(); // a wrong setting stops here, with its name
      config.tokenRateLimit();
    } catch (IllegalArgumentException e) {
      state = StartupState.refused(e.getMessage());
      LOG.log(Level.ERROR, "RTDS start-up refused its configuration: " + e.getMessage());
      return;
    }
    try {
      MigrationResult migration = new SchemaMigrator(dataSource).migrate(); // logs what it did
      emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
      bootstrapAdmin();
      state = StartupState.ready(migration.currentVersion());
      featureScheduler.start(executor); // once the schema is there
      LOG.log(Level.INFO, "RTDS started: schema {0}", migration.currentVersion());
    } catch (SchemaRefusedException e) {
      state = StartupState.refused(e.getMessage());
      LOG.log(
          Level.ERROR,
          "RTDS start-up refused the database and will not retry; correct the database (or restore"
              + " its backup), then restart RTDS: "
              + e.getMessage());
    } catch (RuntimeException e) {
      boolean firstFailure = failures++ == 0;
      state = StartupState.failed(describe(e));
      String message =
          "RTDS start-up failed, retrying every " + RETRY_SECONDS + " s: " + describe(e);
      if (firstFailure) {
        LOG.log(Level.ERROR, message, e);
      } else {
        LOG.log(Level.WARNING, message);
      }
      timerService.createSingleActionTimer(
          RETRY_SECONDS * 1000L, new TimerConfig("rtds-startup-retry", false));
    }
  }

  private void bootstrapAdmin() {
    AccountBootstrap.Result result;
    try {
      result = accountBootstrap.ensureAdminAccount(config.adminPassword());
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // most likely another node inserted 'admin' at the same moment (unique username); asking
      // again then finds it, and any other failure propagates to the retry
      LOG.log(Level.DEBUG, "admin bootstrap failed once, asking again", e);
      result = accountBootstrap.ensureAdminAccount(config.adminPassword());
    }
    if (result.created() && result.generatedPassword() != null) {
      LOG.log(
          Level.WARNING,
          "RTDS created the first administrator account ''admin'' with the generated password "
              + "[{0}]. It is shown only this once: note it now (to choose it yourself, set "
              + "RTDS_ADMIN_PASSWORD before the first start).",
          result.generatedPassword());
    } else if (result.created()) {
      LOG.log(
          Level.INFO,
          "RTDS created the first administrator account 'admin' (password from "
              + "RTDS_ADMIN_PASSWORD)");
    }
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = e; t != null && message.length() < 600; t = t.getCause()) {
      if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
        message.append(message.length() == 0 ? "" : " <- ").append(t.getMessage());
      }
    }
    return message.length() == 0 ? e.getClass().getName() : message.toString();
  }
}
