package org.rtds.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options of {@code ./rtds import DIR}: command-line options first, then environment variables,
 * then defaults.
 *
 * @param dir the folder whose files are imported (recursively)
 * @param url RTDS's base URL, e.g. {@code http://localhost:8080/rtds} (no trailing slash)
 * @param user the RTDS account
 * @param password its password
 * @param threads parallel uploads
 * @param help {@code --help} was asked for (nothing else is then checked)
 */
record ImportOptions(Path dir, URI url, String user, String password, int threads, boolean help) {

  static final int DEFAULT_THREADS = 4;
  static final int MAX_THREADS = 64;

  static final String USAGE =
      """
      Usage: ./rtds import [--url URL] [--user USER] [--threads N] DIR

      Imports every file under DIR (sub-folders included) into a running RTDS through its HTTP API
      (POST URL/api/v1/instances, one request per file), shows a progress bar and ends with a summary:
      how many objects were stored, how many were duplicates (already in RTDS) and which files were
      rejected, with the reason. Importing the same folder again is harmless: its objects are duplicates.
      Hidden files (.name) and DICOMDIR index files are skipped; zip files are sent as application/zip.
      Start RTDS first with ./rtds run (in another terminal) or point --url at a server.

      Options:
        --url URL       RTDS base URL (default $RTDS_URL, else http://localhost:${RTDS_HTTP_PORT:-8080}/rtds)
        --user USER     RTDS account (default $RTDS_USER, else admin)
        --threads N     parallel uploads, 1-64 (default 4)
        --help          this text

      Environment:
        RTDS_PASSWORD        the account's password (for admin also RTDS_ADMIN_PASSWORD); asked for on a
                             terminal when neither is set
        RTDS_URL, RTDS_USER, RTDS_HTTP_PORT  as above

      Exit status: 0 all files stored or duplicate; 1 some files rejected or failed; 2 usage error, no RTDS
      reachable, wrong credentials, or RTDS unavailable for too long.
      """;

  /**
   * Parses the arguments after {@code import}.
   *
   * @param env environment variables
   * @param passwordPrompt asks for a password on a terminal (empty when there is none)
   * @throws LauncherException for a usage error (exit status 2)
   */
  static ImportOptions parse(
      String[] args, Map<String, String> env, Function<String, Optional<String>> passwordPrompt) {
    String url = null;
    String user = null;
    String threads = null;
    String dir = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new ImportOptions(null, null, null, null, DEFAULT_THREADS, true);
      }
      String name = arg;
      String value = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        name = arg.substring(0, arg.indexOf('='));
        value = arg.substring(arg.indexOf('=') + 1);
      }
      switch (name) {
        case "--url", "--user", "--threads" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw usage(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--url" -> url = value;
            case "--user" -> user = value;
            default -> threads = value;
          }
        }
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw usage("unknown option '" + arg + "'");
          }
          if (dir != null) {
            throw usage(
                "only one folder can be imported at a time (got '" + dir + "' and '" + arg + "')");
          }
          dir = arg;
        }
      }
    }
    if (dir == null) {
      throw usage("which folder? ./rtds import DIR");
    }
    Path folder = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw usage(
          Files.exists(folder)
              ? dir + " is a file, not a folder; put it in a folder and import that"
              : "there is no folder " + dir);
    }
    URI base = url(url, env, ImportOptions::usage);
    String account = account(user, env, ImportOptions::usage);
    int parallel = threads(threads, ImportOptions::usage);
    String password = password(account, base, env, passwordPrompt, ImportOptions::usage);
    return new ImportOptions(folder, base, account, password, parallel, false);
  }

  /**
   * RTDS's base URL: the option, else {@code RTDS_URL}, else {@code
   * http://localhost:$RTDS_HTTP_PORT/rtds} (shared with {@code ./rtds demo}).
   *
   * @param option the {@code --url} value, or null
   * @param usage makes the usage error of the calling command
   */
  static URI url(
      String option, Map<String, String> env, Function<String, LauncherException> usage) {
    return baseUrl(option != null ? option : env(env, "RTDS_URL").orElse(defaultUrl(env)), usage);
  }

  /** The account: the option, else {@code RTDS_USER}, else {@code admin}. */
  static String account(
      String option, Map<String, String> env, Function<String, LauncherException> usage) {
    String account = option != null ? option : env(env, "RTDS_USER").orElse("admin");
    if (account.isBlank()) {
      throw usage.apply("--user must not be empty");
    }
    return account;
  }

  /**
   * The account's password: {@code RTDS_PASSWORD}, for admin {@code RTDS_ADMIN_PASSWORD}, else
   * asked for on the terminal.
   */
  static String password(
      String account,
      URI base,
      Map<String, String> env,
      Function<String, Optional<String>> passwordPrompt,
      Function<String, LauncherException> usage) {
    return envPassword(account, env)
        .or(() -> passwordPrompt.apply("Password of " + account + " at " + base + ": "))
        .orElseThrow(
            () ->
                usage.apply(
                    "no password for '"
                        + account
                        + "': set RTDS_PASSWORD"
                        + (account.equals("admin") ? " (or RTDS_ADMIN_PASSWORD)" : "")));
  }

  /** {@code RTDS_PASSWORD}, for admin else {@code RTDS_ADMIN_PASSWORD}. */
  static Optional<String> envPassword(String account, Map<String, String> env) {
    return env(env, "RTDS_PASSWORD")
        .or(() -> account.equals("admin") ? env(env, "RTDS_ADMIN_PASSWORD") : Optional.empty());
  }

  /** The API address that files are posted to. */
  URI instancesUrl() {
    return URI.create(url + "/api/v1/instances");
  }

  private static String defaultUrl(Map<String, String> env) {
    return "http://localhost:" + env(env, "RTDS_HTTP_PORT").orElse("8080") + "/rtds";
  }

  private static URI baseUrl(String raw, Function<String, LauncherException> usage) {
    String trimmed = raw.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw usage.apply(
            "--url must be an http(s) URL like http://localhost:8080/rtds, not '" + raw + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw usage.apply(
          "--url must be an http(s) URL like http://localhost:8080/rtds, not '" + raw + "'");
    }
  }

  /** {@code --threads}: 1 to {@value #MAX_THREADS}, default {@value #DEFAULT_THREADS}. */
  static int threads(String raw, Function<String, LauncherException> usage) {
    if (raw == null) {
      return DEFAULT_THREADS;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= MAX_THREADS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage.apply(
        "--threads must be a number from 1 to " + MAX_THREADS + ", not '" + raw + "'");
  }

  private static Optional<String> env(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  private static LauncherException usage(String message) {
    return new LauncherException(message + " (see ./rtds import --help)");
  }

  @Override
  public String toString() {
    return "ImportOptions[dir="
        + dir
        + ", url="
        + url
        + ", user="
        + user
        + ", threads="
        + threads
        + "]";
  }
}
