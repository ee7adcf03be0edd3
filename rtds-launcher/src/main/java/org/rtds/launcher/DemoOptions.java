package org.rtds.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rtds.testdata.DemoCohort;

/**
 * The options of {@code ./rtds demo}: command-line options first, then environment variables, then
 * defaults (the URL and credentials as for {@code ./rtds import}).
 *
 * @param size members of the cohort (at least 2: the knowledge base compares studies)
 * @param seed the cohort's seed (same seed and size, same files)
 * @param url RTDS's base URL, e.g. {@code http://localhost:8080/rtds} (no trailing slash)
 * @param user the RTDS account
 * @param password its password; null when it is decided later: for {@code admin} when the demo may
 *     start RTDS and neither {@code RTDS_PASSWORD} nor {@code RTDS_ADMIN_PASSWORD} is set (see
 *     {@link DemoCommand})
 * @param threads parallel uploads
 * @param timeout how long to wait for every study's features
 * @param dataDir {@code RTDS_DATA_DIR} (absolute): the cohort is written under {@code demo/}
 * @param mayStart the demo starts RTDS itself when none answers: no {@code --no-start}, and the URL
 *     is the local one {@code ./rtds run} serves (the default, or {@code
 *     http://localhost:$RTDS_HTTP_PORT/rtds})
 * @param adminPassword {@code RTDS_ADMIN_PASSWORD}, or null
 * @param help {@code --help} was asked for (nothing else is then checked)
 */
record DemoOptions(
    int size,
    long seed,
    URI url,
    String user,
    String password,
    int threads,
    Duration timeout,
    Path dataDir,
    boolean mayStart,
    String adminPassword,
    boolean help) {

  static final int MIN_SIZE = 2;
  static final int MAX_SIZE = 999;
  static final long DEFAULT_SEED = 1;
  static final long DEFAULT_TIMEOUT_MINUTES = 20;

  static final String USAGE =
      """
      Usage: ./rtds demo [--size N] [--seed S] [--url URL] [--user USER] [--threads N] [--timeout-min M] [--no-start]

      Shows the knowledge base at work on a generated demonstration cohort of head-and-neck plans
      (real DICOM: CT, RT Structure Set, RT Plan, RT Dose; 17 MB per study, 0.7 GB for 40). Every
      tenth member, starting with DEMO-008, is a deliberately over-dosed plan that the achievable-dose
      check should flag.

        1. when no RTDS answers at the local URL (no --url or RTDS_URL, or http://localhost:PORT/rtds with
           PORT = RTDS_HTTP_PORT), starts one as ./rtds run does (same settings and data folder, embedded
           MariaDB unless RTDS_DB_URL is set) and waits until it is ready
        2. writes the cohort to RTDS_DATA_DIR/demo/seed-S-size-N/ (a complete folder is reused: the
           generation is deterministic; an interrupted one is written again)
        3. imports it into RTDS, like ./rtds import (running the demo again is harmless: what is already
           in RTDS is a duplicate)
        4. waits until every study's features are computed (GET URL/api/v1/studies/{uid})
        5. prints one line per member: features status and the organs flagged by the achievable-dose
           check (GET URL/api/v1/studies/{uid}/qc; '-' where this RTDS has no such check yet), then
           where to look further
        6. if it started RTDS, keeps it running ("RTDS keeps running at ...") until Ctrl-C stops it

      An RTDS already running (./rtds run in another terminal, or a server given with --url) is used as
      it is. An explicit --url elsewhere never starts anything. When the demo starts RTDS on a new data
      folder, admin's first password is RTDS_ADMIN_PASSWORD, else RTDS_PASSWORD, else generated and
      printed once; on an existing data folder set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD) to admin's
      password (asked for on a terminal).

      Options:
        --size N          members of the cohort, 2-999 (default 40)
        --seed S          the cohort's seed, a whole number (default 1)
        --url URL         RTDS base URL (default $RTDS_URL, else http://localhost:${RTDS_HTTP_PORT:-8080}/rtds)
        --user USER       RTDS account (default $RTDS_USER, else admin)
        --threads N       parallel uploads, 1-64 (default 4)
        --timeout-min M   minutes to wait for the features of every study (default 20)
        --no-start        never start RTDS: without a running one, exit with status 2
        --help            this text

      Environment:
        RTDS_PASSWORD        the account's password (for admin also RTDS_ADMIN_PASSWORD); asked for on a
                             terminal when neither is set
        RTDS_DATA_DIR        where the cohort is written and a started RTDS keeps its data (default
                             ./rtds-data)
        RTDS_URL, RTDS_USER, RTDS_HTTP_PORT  as above; the settings of ./rtds run (./rtds run --help)
                             apply to an RTDS the demo starts

      Exit status: 0 every study loaded and its features DONE; 1 some files rejected, some features
      FAILED or not done in time; 2 usage error, no RTDS reachable (or it did not start), wrong
      credentials. After starting RTDS the demo ends when RTDS is stopped (Ctrl-C).
      """;

  /**
   * Parses the arguments after {@code demo}.
   *
   * @param env environment variables
   * @param passwordPrompt asks for a password on a terminal (empty when there is none)
   * @throws LauncherException for a usage error (exit status 2)
   */
  static DemoOptions parse(
      String[] args, Map<String, String> env, Function<String, Optional<String>> passwordPrompt) {
    String size = null;
    String seed = null;
    String url = null;
    String user = null;
    String threads = null;
    String timeout = null;
    boolean noStart = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new DemoOptions(
            DemoCohort.DEFAULT_SIZE,
            DEFAULT_SEED,
            null,
            null,
            null,
            ImportOptions.DEFAULT_THREADS,
            Duration.ofMinutes(DEFAULT_TIMEOUT_MINUTES),
            null,
            false,
            null,
            true);
      }
      String name = arg;
      String value = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        name = arg.substring(0, arg.indexOf('='));
        value = arg.substring(arg.indexOf('=') + 1);
      }
      if (arg.equals("--no-start")) {
        noStart = true;
        continue;
      }
      switch (name) {
        case "--size", "--seed", "--url", "--user", "--threads", "--timeout-min" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw usage(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--size" -> size = value;
            case "--seed" -> seed = value;
            case "--url" -> url = value;
            case "--user" -> user = value;
            case "--threads" -> threads = value;
            default -> timeout = value;
          }
        }
        default ->
            throw usage(
                arg.startsWith("-")
                    ? "unknown option '" + arg + "'"
                    : "'demo' takes no folder or other argument (got '" + arg + "')");
      }
    }
    int members = size(size);
    long cohortSeed = seed(seed);
    Duration wait = timeout(timeout);
    URI base = ImportOptions.url(url, env, DemoOptions::usage);
    String account = ImportOptions.account(user, env, DemoOptions::usage);
    int parallel = ImportOptions.threads(threads, DemoOptions::usage);
    Path dataDir =
        Path.of(
                Optional.ofNullable(env.get("RTDS_DATA_DIR"))
                    .map(String::trim)
                    .filter(v -> !v.isEmpty())
                    .orElse("rtds-data"))
            .toAbsolutePath()
            .normalize();
    boolean defaultUrl =
        url == null && Optional.ofNullable(env.get("RTDS_URL")).filter(v -> !v.isBlank()).isEmpty();
    boolean mayStart = !noStart && (defaultUrl || isLocal(base, env));
    String adminPassword =
        Optional.ofNullable(env.get("RTDS_ADMIN_PASSWORD")).filter(v -> !v.isBlank()).orElse(null);
    String password =
        mayStart && account.equals("admin") && ImportOptions.envPassword(account, env).isEmpty()
            ? null // asked for or generated once the demo knows whether it starts RTDS
            : ImportOptions.password(account, base, env, passwordPrompt, DemoOptions::usage);
    return new DemoOptions(
        members,
        cohortSeed,
        base,
        account,
        password,
        parallel,
        wait,
        dataDir,
        mayStart,
        adminPassword,
        false);
  }

  /**
   * Whether {@code url} is where {@code ./rtds run} on this machine serves RTDS: http, localhost
   * (or the loopback address), {@code RTDS_HTTP_PORT} (default 8080) and the path {@code /rtds}.
   */
  static boolean isLocal(URI url, Map<String, String> env) {
    String host = url.getHost();
    boolean loopback =
        host != null
            && (host.equalsIgnoreCase("localhost")
                || host.equals("127.0.0.1")
                || host.equals("[::1]")
                || host.equals("::1"));
    int port = url.getPort() == -1 ? 80 : url.getPort();
    String httpPort =
        Optional.ofNullable(env.get("RTDS_HTTP_PORT"))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .orElse(Integer.toString(LauncherSettings.DEFAULT_HTTP_PORT));
    return "http".equals(url.getScheme())
        && loopback
        && Integer.toString(port).equals(httpPort)
        && "/rtds".equals(url.getPath());
  }

  /** These options with the password the demo decided on. */
  DemoOptions withPassword(String newPassword) {
    return new DemoOptions(
        size,
        seed,
        url,
        user,
        newPassword,
        threads,
        timeout,
        dataDir,
        mayStart,
        adminPassword,
        help);
  }

  /** The options {@code ./rtds import} would have for the cohort's folder. */
  ImportOptions importOptions(Path dir) {
    return new ImportOptions(dir, url, user, password, threads, false);
  }

  private static int size(String raw) {
    if (raw == null) {
      return DemoCohort.DEFAULT_SIZE;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= MIN_SIZE && n <= MAX_SIZE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage(
        "--size must be a number from "
            + MIN_SIZE
            + " to "
            + MAX_SIZE
            + " (the knowledge base compares studies, so at least 2), not '"
            + raw
            + "'");
  }

  private static long seed(String raw) {
    if (raw == null) {
      return DEFAULT_SEED;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw usage("--seed must be a whole number, not '" + raw + "'");
    }
  }

  private static Duration timeout(String raw) {
    if (raw == null) {
      return Duration.ofMinutes(DEFAULT_TIMEOUT_MINUTES);
    }
    try {
      long minutes = Long.parseLong(raw.trim());
      if (minutes >= 1 && minutes <= 24 * 60) {
        return Duration.ofMinutes(minutes);
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage("--timeout-min must be a number of minutes from 1 to 1440, not '" + raw + "'");
  }

  private static LauncherException usage(String message) {
    return new LauncherException(message + " (see ./rtds demo --help)");
  }

  @Override
  public String toString() {
    return "DemoOptions[size="
        + size
        + ", seed="
        + seed
        + ", url="
        + url
        + ", user="
        + user
        + ", threads="
        + threads
        + ", timeout="
        + timeout
        + ", dataDir="
        + dataDir
        + ", mayStart="
        + mayStart
        + "]";
  }
}
