package org.rtds.domain.schema;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the dsrt database to the schema version of this build, with Flyway and the SQL migrations
 * in {@code db/migration} ({@code V1__dsrt_schema.sql}, {@code V2__widen_lossy_columns.sql}, ...).
 * The application runs {@link #migrate()} once at start-up, before it validates the JPA mapping and
 * reports itself ready; tests run it on throwaway databases.
 *
 * <p>What it does depends on what it finds in the database the data source points at:
 *
 * <ul>
 *   <li><b>Empty database:</b> applies every migration from V1 on.
 *   <li><b>Database with Flyway history</b> ({@code flyway_schema_history}): applies the pending
 *       migrations, after Flyway has checked that the applied ones are unchanged.
 *   <li><b>Legacy dsrt database</b> created by the original Django application: all 26 documented
 *       tables, no Flyway history. It is adopted: Flyway records a baseline at version 1 ("legacy
 *       dsrt schema adopted") instead of running V1, then applies only the later migrations. These
 *       only widen column types, add, and rename the schema document's misspelt {@code
 *       rt_dose.eferencedRTPlanSequence} (V5), so no existing row is rewritten or lost.
 *   <li><b>Any other non-empty database</b> (it lacks {@code patients}, {@code studies}, {@code
 *       auth_user}, ...), or a dsrt database with tables missing: refused with a {@link
 *       SchemaRefusedException} that names what was found and what to do. Nothing is changed.
 * </ul>
 *
 * <p><b>Compared before changed</b> (ARCHITECTURE D27): before it adopts a legacy database or
 * applies pending migrations to a database at an older version, it compares the live schema ({@code
 * information_schema}) with what this build's migrations create at that version ({@link
 * ExpectedSchema}, generated from the migrations) and with what the pending migrations will do
 * ({@link SchemaCompatibility}: missing tables and columns, types the entities cannot read, names a
 * migration would create twice, rows that break a new unique key, ...). If anything differs it
 * throws a {@link SchemaRefusedException} listing every difference, without having changed
 * anything: no {@code flyway_schema_history}, no lock table, no column touched. Extra tables and
 * columns, wider types, and NOT NULL where RTDS allows NULL (logged as a warning) are accepted.
 *
 * <p>Several nodes may start on one database at the same time: each inspects, checks and migrates
 * while holding a named lock of that database ({@link MigrationLock}, {@code GET_LOCK}), and Flyway
 * creates its history table with retries and applies migrations under a lock of its own, so each
 * migration runs exactly once and the other nodes wait, then find nothing pending. Because MySQL
 * and MariaDB cannot roll back DDL, a migration that fails half-way (for a reason the comparison
 * cannot foresee: disk full, lost connection, missing privilege, a server limit) is recorded as
 * failed and blocks later starts until the database is restored from its backup or repaired; the
 * exception message says so.
 *
 * <p>Flyway's history table keeps its default name {@code flyway_schema_history}; Django's own
 * {@code django_migrations} table is left alone.
 */
public final class SchemaMigrator {

  /** Version at which an existing legacy dsrt database is recorded. */
  static final String BASELINE_VERSION = "1";

  static final String BASELINE_DESCRIPTION = "legacy dsrt schema adopted";

  private static final String HISTORY_TABLE = "flyway_schema_history";

  private static final String MIGRATIONS_LOCATION = "classpath:db/migration";

  /** Tables whose presence marks a database as dsrt, even if an incomplete one. */
  private static final List<String> MARKER_TABLES = List.of("patients", "studies", "auth_user");

  /** The 26 tables of the legacy dsrt schema (docs/schema.md). */
  private static final Set<String> DSRT_TABLES =
      Set.of(
          "auth_group",
          "auth_group_permissions",
          "auth_permission",
          "auth_user",
          "auth_user_groups",
          "auth_user_user_permissions",
          "ct_images",
          "django_admin_log",
          "django_content_type",
          "django_migrations",
          "django_session",
          "oar_dictionary",
          "ovh",
          "patients",
          "rt_contour",
          "rt_dose",
          "rt_dose_image",
          "rt_dvh",
          "rt_isdose",
          "rt_rois",
          "rt_structureset",
          "series",
          "similarity",
          "sts",
          "studies",
          "userprofile_userprofile");

  /** What an operator can do after a failed migration. */
  private static final String REPAIR_HINT =
      " Nothing was changed if the failure happened before the first migration started. MySQL and"
          + " MariaDB cannot roll back DDL: if a migration failed half-way, the database is"
          + " half-migrated, Flyway has recorded the migration as failed in flyway_schema_history"
          + " and every later start stops here. Restore the database from its backup (taken before"
          + " the upgrade, README \"Upgrade\"), or complete or undo the failed migration by hand and"
          + " delete its failed row from flyway_schema_history (Flyway repair), then start again.";

  private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

  private final DataSource dataSource;

  /**
   * @param dataSource the dsrt database; its user needs the right to create, alter and lock tables
   */
  public SchemaMigrator(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Applies the pending migrations, adopting a legacy dsrt database first if that is what the data
   * source points at. Running it again when nothing is pending changes nothing.
   *
   * @throws SchemaRefusedException if the database is not a dsrt database or its schema is not
   *     compatible (nothing was changed; do not retry)
   * @throws SchemaMigrationException if the database cannot be read, or Flyway fails
   */
  public MigrationResult migrate() {
    return migrateTo(null);
  }

  /**
   * Like {@link #migrate()}, but stops at a given version: for staged upgrades and for tests that
   * check what one version of the schema looks like.
   *
   * @param targetVersion the last version to apply, e.g. {@code "2"}; {@code null} for the latest
   */
  public MigrationResult migrateTo(String targetVersion) {
    try (MigrationLock lock = MigrationLock.acquire(dataSource)) {
      return migrateLocked(targetVersion);
    }
  }

  private MigrationResult migrateLocked(String targetVersion) {
    Contents contents = inspect();
    boolean adopt = contents.kind() == Kind.LEGACY_DSRT;
    FluentConfiguration configuration = configuration().baselineOnMigrate(adopt);
    if (targetVersion != null) {
      configuration.target(MigrationVersion.fromVersion(targetVersion));
    }
    Flyway flyway = configuration.load();
    try {
      MigrationInfoService info = flyway.info();
      String previous = adopt ? BASELINE_VERSION : currentVersion(info);
      if (contents.kind() != Kind.EMPTY && previous != null && info.pending().length > 0) {
        boolean failedBefore =
            Arrays.stream(info.applied()).anyMatch(migration -> migration.getState().isFailed());
        if (!failedBefore) { // Flyway itself stops on a failed migration, with REPAIR_HINT
          MigrationVersion target =
              targetVersion != null
                  ? MigrationVersion.fromVersion(targetVersion)
                  : MigrationVersion.fromVersion(latestAvailable(info));
          checkCompatible(
              contents.database(), adopt, MigrationVersion.fromVersion(previous), target);
        }
      }
      MigrateResult result = flyway.migrate();
      if (!result.success) {
        throw new SchemaMigrationException(
            "Migrating the schema of database '%s' did not succeed (Flyway reported failure, %s)."
                    .formatted(
                        contents.database(),
                        result.warnings == null ? "" : String.join("; ", result.warnings))
                + REPAIR_HINT);
      }
      String current = currentVersion(flyway.info());
      LOG.log(
          Level.INFO,
          "Schema of database ''{0}'': {1}{2} migration(s) applied, version {3} -> {4}",
          contents.database(),
          adopt ? "legacy dsrt schema adopted at version " + BASELINE_VERSION + ", " : "",
          result.migrationsExecuted,
          previous,
          current);
      return new MigrationResult(previous, current, result.migrationsExecuted, adopt);
    } catch (FlywayException e) {
      throw new SchemaMigrationException(
          "Migrating the schema of database '%s' failed: %s."
                  .formatted(contents.database(), e.getMessage())
              + REPAIR_HINT,
          e);
    }
  }

  /**
   * Compares the database with what RTDS expects at its current version and with what the pending
   * migrations will do, and refuses it, unchanged, if they would fail or leave a schema the
   * entities cannot use.
   */
  private void checkCompatible(
      String database, boolean adopt, MigrationVersion from, MigrationVersion to) {
    SchemaCompatibility.Report report;
    try (Connection connection = dataSource.getConnection()) {
      report = SchemaCompatibility.check(connection, ExpectedSchema.load(), from, to);
    } catch (SQLException e) {
      throw new SchemaMigrationException(
          "Cannot compare the schema of database '%s' with what RTDS expects: %s"
              .formatted(database, e.getMessage()),
          e);
    } catch (IllegalStateException e) {
      throw new SchemaMigrationException(
          ("Cannot compare the schema of database '%s' with what RTDS expects (defect of this"
                  + " build: %s); RTDS has changed nothing.")
              .formatted(database, e.getMessage()),
          e);
    }
    if (!report.warnings().isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Database ''{0}'': {1} column(s) are NOT NULL where RTDS allows NULL: {2}. Migration V12"
              + " makes those of the DICOM attributes nullable (type and values kept); any other is"
              + " kept, and an object that lacks its value will be refused by ingestion"
              + " (DATABASE_REQUIRES_VALUE).",
          database,
          report.warnings().size(),
          String.join(", ", report.warnings()));
    }
    if (report.compatible()) {
      return;
    }
    String what =
        adopt
            ? "is a legacy dsrt database (no flyway_schema_history), but its schema"
            : "is at RTDS schema version " + from + ", but its schema";
    throw new SchemaRefusedException(
        ("Database '%s' %s is not compatible with what RTDS expects (version %s), so it was not"
                + " %s: RTDS has changed nothing in it (%s, no table or column touched)."
                + " %d difference(s):%n  %s%n"
                + "Correct these in the database (or restore the database from its backup, if it"
                + " was changed since), then restart RTDS. Extra tables and columns are fine and"
                + " kept; a column may be wider than expected (ARCHITECTURE D27).")
            .formatted(
                database,
                what,
                from,
                adopt ? "adopted" : "migrated to version " + to,
                adopt ? "no flyway_schema_history created" : "no migration applied",
                report.differences().size(),
                String.join(System.lineSeparator() + "  ", report.differences())),
        report.differences());
  }

  /**
   * Reports the schema version of the database and how many migrations are pending, without
   * changing anything.
   *
   * @throws SchemaMigrationException if the database is not a dsrt database, or cannot be read
   */
  public SchemaState state() {
    Contents contents = inspect();
    try {
      MigrationInfoService info = configuration().load().info();
      List<MigrationVersion> available = availableVersions(info);
      String latest = latestAvailable(info);
      return switch (contents.kind()) {
        case EMPTY -> new SchemaState(null, latest, info.pending().length);
        case LEGACY_DSRT -> {
          MigrationVersion baseline = MigrationVersion.fromVersion(BASELINE_VERSION);
          int pending = (int) available.stream().filter(v -> v.isNewerThan(baseline)).count();
          yield new SchemaState(null, latest, pending);
        }
        case MANAGED -> new SchemaState(currentVersion(info), latest, info.pending().length);
      };
    } catch (FlywayException e) {
      throw new SchemaMigrationException(
          "Reading the schema version of database '%s' failed: %s"
              .formatted(contents.database(), e.getMessage()),
          e);
    }
  }

  private FluentConfiguration configuration() {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS_LOCATION)
        .table(HISTORY_TABLE)
        .baselineVersion(BASELINE_VERSION)
        .baselineDescription(BASELINE_DESCRIPTION)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true);
  }

  private static List<MigrationVersion> availableVersions(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(migration -> migration.getState().isResolved())
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  /** Highest migration version of this build, or null if it has none. */
  private static String latestAvailable(MigrationInfoService info) {
    List<MigrationVersion> available = availableVersions(info);
    return available.isEmpty() ? null : available.get(available.size() - 1).getVersion();
  }

  /** Flyway's settings for this build's migrations (also used by the tests that describe them). */
  static FluentConfiguration flywayConfiguration(DataSource dataSource) {
    return new SchemaMigrator(dataSource).configuration();
  }

  private static String currentVersion(MigrationInfoService info) {
    MigrationInfo current = info.current();
    return current == null || current.getVersion() == null
        ? null
        : current.getVersion().getVersion();
  }

  private enum Kind {
    EMPTY,
    MANAGED,
    LEGACY_DSRT
  }

  private record Contents(String database, Kind kind) {}

  /** Classifies the database, refusing anything RTDS must not migrate. */
  private Contents inspect() {
    String database;
    Set<String> tables = new TreeSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select TABLE_NAME from information_schema.TABLES where TABLE_SCHEMA ="
                    + " DATABASE()")) {
      database = connection.getCatalog();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new SchemaMigrationException(
          "Cannot read the tables of the RTDS database: "
              + e.getMessage()
              + ". Check that the database server is running and that the configured database"
              + " (RTDS_DB_URL or the jdbc/rtds resource) exists and is readable by its user.",
          e);
    }
    if (database == null) {
      throw new SchemaMigrationException(
          "The RTDS data source names no database. Add the database to the JDBC URL, e.g."
              + " jdbc:mysql://127.0.0.1:3306/dsrt, or to the databaseName property of the pool.");
    }
    if (tables.contains(HISTORY_TABLE)) {
      return new Contents(database, Kind.MANAGED);
    }
    if (tables.isEmpty()) {
      return new Contents(database, Kind.EMPTY);
    }
    List<String> missing = new ArrayList<>(new TreeSet<>(DSRT_TABLES));
    missing.removeAll(tables);
    if (missing.isEmpty()) {
      return new Contents(database, Kind.LEGACY_DSRT);
    }
    if (MARKER_TABLES.stream().anyMatch(tables::contains)) {
      throw new SchemaRefusedException(
          ("Database '%s' looks like a legacy dsrt database but lacks %d of its 26 tables: %s."
                  + " RTDS adopts only a complete dsrt schema (docs/schema.md) and has"
                  + " changed nothing. Restore the complete dump of the legacy database"
                  + " (mysqldump ... dsrt), or create the missing tables as the legacy application"
                  + " defines them, then start RTDS again.")
              .formatted(database, missing.size(), String.join(", ", missing)));
    }
    throw new SchemaRefusedException(
        ("Database '%s' is not empty and is not a dsrt database: it has %d table(s) (%s) but none"
                + " of the dsrt tables %s and no %s table. RTDS has changed nothing. Point RTDS at an"
                + " empty database (e.g. CREATE DATABASE dsrt CHARACTER SET utf8mb4 COLLATE"
                + " utf8mb4_unicode_ci) or at a restored legacy dsrt database, through RTDS_DB_URL or"
                + " the jdbc/rtds resource.")
            .formatted(
                database,
                tables.size(),
                abbreviate(tables),
                String.join(", ", MARKER_TABLES),
                HISTORY_TABLE));
  }

  private static String abbreviate(Set<String> tables) {
    int shown = 10;
    List<String> names = tables.stream().limit(shown).toList();
    return String.join(", ", names) + (tables.size() > shown ? ", ..." : "");
  }
}
