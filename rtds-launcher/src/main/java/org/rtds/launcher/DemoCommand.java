package org.rtds.launcher;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.rtds.launcher.DemoClient.Features;
import org.rtds.launcher.DemoClient.Qc;
import org.rtds.launcher.DemoFolder.Cohort;
import org.rtds.launcher.DemoFolder.Study;

/**
 * {@code ./rtds demo}: writes (or reuses) the demonstration cohort, imports it into RTDS like
 * {@code ./rtds import}, waits until every study's features are computed, and prints one line per
 * member with its features status and the organs the achievable-dose check flagged.
 *
 * <p>When no RTDS answers at the local URL {@code ./rtds run} serves ({@link
 * DemoOptions#mayStart()}), it starts one exactly as {@code ./rtds run} does ({@link
 * RunCommand#start()}), with admin's first password chosen so that the demo can sign in ({@link
 * #startCredentials}); after the summary it keeps that RTDS running until Ctrl-C or SIGTERM, which
 * stop it as they stop {@code ./rtds run}. With {@code --no-start} or an explicit URL elsewhere it
 * starts nothing: without a running RTDS it says how to start one (exit status 2), before anything
 * is generated. Exit status 0 when every study is loaded and its features are DONE; 1 when files
 * were rejected, features FAILED or were not done within {@code --timeout-min}; 2 for usage errors
 * and when the demo could not go on (no RTDS, RTDS did not start, wrong credentials; an RTDS the
 * demo started is then stopped).
 */
final class DemoCommand {

  /** Between two rounds of asking every unfinished study for its status. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  /** A progress line at least this often when the output is not a terminal. */
  static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

  private static final List<String> STATUS_ORDER =
      List.of("DONE", "RUNNING", "PENDING", "FAILED", "MISSING", "UNKNOWN");

  /** The shortest first admin password RTDS accepts ({@code AccountBootstrap}). */
  static final int MIN_ADMIN_PASSWORD_LENGTH = 8;

  private DemoOptions options;
  private DemoClient client;
  private final DemoFolder.MemberWriter writer;
  private final HttpClient http;
  private final ImportClient.Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;
  private final Function<String, Optional<String>> passwordPrompt;
  private final Starter starter;
  private final Supplier<String> passwordGenerator;

  /**
   * Starts RTDS for the demo as {@code ./rtds run} does (a fake in tests).
   *
   * <p>{@link #embedded} is the real one.
   */
  interface Starter {
    /**
     * Whether RTDS would start on a new database, so that it creates the {@code admin} account with
     * the password it is given.
     *
     * @throws LauncherException when the data folder is half-made (as {@code ./rtds run} says)
     */
    boolean freshDatabase() throws IOException;

    /**
     * Starts RTDS and waits until it is ready.
     *
     * @param adminPassword the first admin account's password (empty: RTDS generates one)
     * @return the running RTDS, or null when it did not become ready (why is printed)
     * @throws LauncherException when it cannot start, saying why
     */
    Started start(Optional<String> adminPassword) throws IOException, InterruptedException;
  }

  /** An RTDS the demo started. */
  interface Started {
    /** {@code http://localhost:PORT/rtds/} */
    String url();

    /** Waits until it ends (Ctrl-C, SIGTERM, or unexpectedly: then says so). */
    int awaitTermination() throws InterruptedException;

    /** Stops it as Ctrl-C would. */
    void stop() throws InterruptedException;
  }

  /** The real {@link Starter}: {@link RunCommand} with the environment's settings. */
  static Starter embedded(Map<String, String> env, PrintStream out) {
    return new Starter() {
      @Override
      public boolean freshDatabase() throws IOException {
        LauncherSettings settings = LauncherSettings.from(env);
        return settings.dbUrl().isEmpty() && EmbeddedDatabase.isFresh(settings.dataDir());
      }

      @Override
      public Started start(Optional<String> adminPassword)
          throws IOException, InterruptedException {
        RunCommand.Running running =
            new RunCommand(
                    LauncherSettings.from(env).withAdminPassword(adminPassword),
                    RuntimeArtifacts.besideLauncher(),
                    out)
                .start();
        if (running == null) {
          return null;
        }
        return new Started() {
          @Override
          public String url() {
            return running.url();
          }

          @Override
          public int awaitTermination() throws InterruptedException {
            int exit = running.awaitTermination();
            running.close();
            return exit;
          }

          @Override
          public void stop() throws InterruptedException {
            running.stop();
          }
        };
      }
    };
  }

  /**
   * @param writer writes one cohort member ({@link DemoFolder#DICOM})
   * @param http for the import and the status requests
   * @param sleeper waits between polls and import retries
   * @param nanoTime the clock of the timeout ({@code System::nanoTime})
   */
  DemoCommand(
      DemoOptions options,
      DemoFolder.MemberWriter writer,
      HttpClient http,
      ImportClient.Sleeper sleeper,
      LongSupplier nanoTime,
      PrintStream out,
      PrintStream err,
      boolean tty) {
    this(
        options,
        writer,
        http,
        sleeper,
        nanoTime,
        out,
        err,
        tty,
        prompt -> Optional.empty(),
        null,
        DemoCommand::generatePassword);
  }

  /**
   * @param passwordPrompt asks for a password on a terminal (empty when there is none)
   * @param starter starts RTDS when none answers and {@link DemoOptions#mayStart()}; null: never
   * @param passwordGenerator the first admin password when the demo starts RTDS on a new database
   */
  DemoCommand(
      DemoOptions options,
      DemoFolder.MemberWriter writer,
      HttpClient http,
      ImportClient.Sleeper sleeper,
      LongSupplier nanoTime,
      PrintStream out,
      PrintStream err,
      boolean tty,
      Function<String, Optional<String>> passwordPrompt,
      Starter starter,
      Supplier<String> passwordGenerator) {
    this.options = options;
    this.writer = writer;
    this.http = http;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.out = out;
    this.err = err;
    this.tty = tty;
    this.passwordPrompt = passwordPrompt;
    this.starter = starter;
    this.passwordGenerator = passwordGenerator;
  }

  /** {@code ./rtds demo ARGS} with the process's environment and terminal. */
  static int main(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Console console = System.console();
    Function<String, Optional<String>> prompt =
        text ->
            console == null
                ? Optional.empty()
                : Optional.ofNullable(console.readPassword("%s", text))
                    .map(String::new)
                    .filter(p -> !p.isEmpty());
    DemoOptions options = DemoOptions.parse(args, env, prompt);
    if (options.help()) {
      out.print(DemoOptions.USAGE);
      return 0;
    }
    boolean tty = console != null && !"dumb".equals(env.get("TERM"));
    return new DemoCommand(
            options,
            DemoFolder.DICOM,
            ImportClient.defaultHttpClient(),
            d -> Thread.sleep(d.toMillis()),
            System::nanoTime,
            out,
            err,
            tty,
            prompt,
            embedded(env, out),
            DemoCommand::generatePassword)
        .execute();
  }

  /**
   * The demo: when no RTDS answers and the demo may start one, starts it (as {@code ./rtds run}),
   * loads the cohort, prints the summary and keeps RTDS running until Ctrl-C or SIGTERM.
   */
  int execute() throws IOException, InterruptedException {
    out.println(
        "rtds: demo: "
            + options.size()
            + " generated head-and-neck studies (seed "
            + options.seed()
            + ") for RTDS at "
            + options.url()
            + " as "
            + options.user());
    Started rtds = null;
    if (options.mayStart() && starter != null && !DemoClient.answers(options.url(), http)) {
      boolean fresh = starter.freshDatabase();
      StartCredentials credentials =
          startCredentials(options, fresh, passwordGenerator, passwordPrompt);
      out.println(
          "rtds: no RTDS answers at "
              + options.url()
              + ": starting it as ./rtds run does (RTDS_DATA_DIR="
              + options.dataDir()
              + "; --no-start to not start it) ...");
      rtds = starter.start(credentials.adminSetting());
      if (rtds == null) {
        err.println("rtds: demo stopped: RTDS did not start (above)");
        return 2;
      }
      options = options.withPassword(credentials.login());
      if (credentials.generated()) {
        out.println(
            "rtds: the new account 'admin' has the generated password ["
                + credentials.login()
                + "]. It is shown only this once: note it now (sign in with it; later runs of"
                + " ./rtds demo and ./rtds import need it in RTDS_PASSWORD; to choose it yourself,"
                + " set RTDS_ADMIN_PASSWORD before the first start)");
      }
    } else if (options.password() == null) {
      options =
          options.withPassword(
              passwordPrompt
                  .apply("Password of " + options.user() + " at " + options.url() + ": ")
                  .orElseThrow(
                      () ->
                          new LauncherException(
                              "no password for '"
                                  + options.user()
                                  + "': set RTDS_PASSWORD (or RTDS_ADMIN_PASSWORD) (see ./rtds"
                                  + " demo --help)")));
    }
    client = new DemoClient(options, http);
    if (rtds == null) {
      return load();
    }
    int exit;
    try {
      exit = load();
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      rtds.stop();
      throw e;
    }
    if (exit == 2) {
      err.println("rtds: stopping the RTDS the demo started");
      rtds.stop();
      return 2;
    }
    out.println("RTDS keeps running at " + rtds.url() + " \u2014 Ctrl-C stops it");
    int serverExit = rtds.awaitTermination();
    return serverExit == 0 ? exit : Math.max(exit, 1);
  }

  /**
   * How the demo signs in to the RTDS it starts, and the first admin password RTDS is given.
   *
   * @param login the password the demo signs in with
   * @param adminSetting {@code RTDS_ADMIN_PASSWORD} for the server (only used while there is no
   *     {@code admin} account); empty: RTDS generates one if it creates the account
   * @param generated the demo generated {@code login} (to be printed once)
   */
  record StartCredentials(String login, Optional<String> adminSetting, boolean generated) {
    @Override
    public String toString() {
      return "StartCredentials[generated=" + generated + "]";
    }
  }

  /**
   * The credentials when the demo starts RTDS: {@code RTDS_ADMIN_PASSWORD} is admin's first
   * password when set; otherwise the password the demo signs in with (admin's first password too,
   * when the account is admin): {@code RTDS_PASSWORD}, else on a new database a generated one, else
   * asked for on a terminal.
   *
   * @param fresh RTDS starts on a new database (its admin account does not exist yet)
   * @throws LauncherException when admin's password is unknown and cannot be asked for, or a first
   *     admin password is too short
   */
  static StartCredentials startCredentials(
      DemoOptions options,
      boolean fresh,
      Supplier<String> generator,
      Function<String, Optional<String>> prompt) {
    String login = options.password();
    if (login == null && fresh) {
      String generated = generator.get();
      return new StartCredentials(generated, Optional.of(generated), true);
    }
    if (login == null) {
      login =
          prompt
              .apply(
                  "Password of "
                      + options.user()
                      + " (RTDS is started on the existing data in "
                      + options.dataDir()
                      + "): ")
              .orElseThrow(
                  () ->
                      new LauncherException(
                          "the demo would start RTDS on its existing database (RTDS_DATA_DIR="
                              + options.dataDir()
                              + "), whose 'admin' password was chosen on its first start and is"
                              + " not known to the demo: set RTDS_PASSWORD (or"
                              + " RTDS_ADMIN_PASSWORD) to admin's password and run ./rtds demo"
                              + " again. Nothing was started"));
    }
    Optional<String> setting =
        options.adminPassword() != null
            ? Optional.of(options.adminPassword())
            : options.user().equals("admin") ? Optional.of(login) : Optional.empty();
    if (setting.isPresent() && setting.get().length() < MIN_ADMIN_PASSWORD_LENGTH) {
      if (fresh) {
        throw new LauncherException(
            "the demo starts RTDS on a new database, whose first 'admin' password needs at least "
                + MIN_ADMIN_PASSWORD_LENGTH
                + " characters; "
                + (options.adminPassword() != null ? "RTDS_ADMIN_PASSWORD" : "RTDS_PASSWORD")
                + " has "
                + setting.get().length());
      }
      // not usable as a first password; an existing admin account keeps its own anyway
      setting = options.adminPassword() != null ? setting : Optional.empty();
    }
    return new StartCredentials(login, setting, false);
  }

  /** A random first admin password: 20 letters and digits. */
  static String generatePassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    java.security.SecureRandom random = new java.security.SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  /** Loads the cohort into the RTDS at the URL, waits for the features, prints the summary. */
  private int load() throws IOException, InterruptedException {
    Cohort cohort;
    int imported;
    Awaited awaited;
    Map<Study, Qc> checks = new LinkedHashMap<>();
    try {
      client.checkReachable();
      cohort = DemoFolder.prepare(options.dataDir(), options.size(), options.seed(), writer, out);
      ImportOptions importOptions = options.importOptions(cohort.directory());
      imported =
          new ImportCommand(
                  importOptions, new ImportClient(importOptions, http, sleeper), out, err, tty)
              .execute();
      if (imported == 2) {
        return 2; // the import said why
      }
      awaited = await(cohort.studies());
      for (Study s : cohort.studies()) {
        if (awaited.features().get(s).status().equals("DONE")) {
          checks.put(s, client.qc(s.studyInstanceUid()));
        }
      }
    } catch (ImportClient.Aborted e) {
      err.println("rtds: demo stopped: " + e.getMessage());
      return 2;
    }
    summary(cohort, awaited, checks);
    boolean allDone = awaited.features().values().stream().allMatch(f -> f.status().equals("DONE"));
    return imported == 0 && allDone ? 0 : 1;
  }

  /**
   * Every study's last known feature status.
   *
   * @param features per study, in cohort order
   * @param timedOut some were not final when {@code --timeout-min} ran out
   * @param seconds how long the wait took
   */
  record Awaited(Map<Study, Features> features, boolean timedOut, double seconds) {}

  /** Polls every unfinished study until all are final or the timeout has passed. */
  Awaited await(List<Study> studies) throws InterruptedException {
    Map<Study, Features> state = new LinkedHashMap<>();
    for (Study s : studies) {
      state.put(s, new Features("PENDING", null));
    }
    out.println(
        "rtds: waiting for the features of "
            + studies.size()
            + " studies (RTDS computes them a few seconds after a study is complete; at most "
            + options.timeout().toMinutes()
            + " min) ...");
    long started = nanoTime.getAsLong();
    long deadline = started + options.timeout().toNanos();
    String lastCounts = null;
    long lastPrinted = started;
    boolean timedOut;
    while (true) {
      for (Study s : studies) {
        if (!state.get(s).isFinal()) {
          state.put(s, client.features(s.studyInstanceUid()));
        }
      }
      long now = nanoTime.getAsLong();
      String counts = counts(state.values());
      String line = "rtds: features " + counts + " (" + elapsed(now - started) + ")";
      if (tty) {
        out.print("\r" + line + "   ");
        out.flush();
      } else if (!counts.equals(lastCounts) || now - lastPrinted >= PLAIN_EVERY.toNanos()) {
        out.println(line);
        lastPrinted = now;
      }
      lastCounts = counts;
      if (state.values().stream().allMatch(Features::isFinal)) {
        timedOut = false;
        break;
      }
      if (now >= deadline) {
        timedOut = true;
        break;
      }
      sleeper.sleep(POLL_INTERVAL);
    }
    if (tty) {
      out.println();
    }
    return new Awaited(state, timedOut, (nanoTime.getAsLong() - started) / 1e9);
  }

  /** {@code 12/40 DONE, 3 RUNNING, 25 PENDING}: the first always, the others when not zero. */
  static String counts(java.util.Collection<Features> features) {
    Map<String, Long> byStatus =
        features.stream().collect(Collectors.groupingBy(Features::status, Collectors.counting()));
    StringBuilder s = new StringBuilder();
    s.append(byStatus.getOrDefault("DONE", 0L)).append('/').append(features.size()).append(" DONE");
    for (String status : STATUS_ORDER.subList(1, STATUS_ORDER.size())) {
      long n = byStatus.getOrDefault(status, 0L);
      if (n > 0) {
        s.append(", ").append(n).append(' ').append(status);
      }
    }
    return s.toString();
  }

  private void summary(Cohort cohort, Awaited awaited, Map<Study, Qc> checks) {
    List<Study> studies = cohort.studies();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"patient", "features", "flagged by the achievable-dose check", "member"});
    for (Study s : studies) {
      Features f = awaited.features().get(s);
      Qc qc = checks.get(s);
      String flagged;
      if (qc == null || !qc.available()) {
        flagged = "-";
      } else if (qc.flagged().isEmpty()) {
        flagged = "none";
      } else {
        flagged = qc.flagged().stream().map(Object::toString).collect(Collectors.joining(", "));
      }
      rows.add(new String[] {s.patientId(), f.status(), flagged, description(s)});
    }
    int[] width = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "rtds: demo cohort in %s (%d studies; features %s after %s)%n",
        cohort.directory(),
        studies.size(),
        counts(awaited.features().values()),
        elapsed((long) (awaited.seconds() * 1e9)));
    for (String[] row : rows) {
      out.println(
          ("  "
                  + pad(row[0], width[0])
                  + "  "
                  + pad(row[1], width[1])
                  + "  "
                  + pad(row[2], width[2])
                  + "  "
                  + row[3])
              .stripTrailing());
    }
    out.println();

    List<String> problems =
        checks.values().stream().filter(q -> !q.available()).map(Qc::problem).distinct().toList();
    for (String problem : problems) {
      out.println(
          "rtds: achievable-dose check (GET …/studies/{uid}/qc): " + problem + "; shown as '-'");
    }
    awaited
        .features()
        .forEach(
            (s, f) -> {
              if (f.status().equals("FAILED") || f.status().equals("MISSING")) {
                out.println(
                    "rtds: features of "
                        + s.patientId()
                        + " "
                        + f.status()
                        + ": "
                        + (f.detail() == null ? "(no detail given)" : f.detail())
                        + " [study "
                        + s.studyInstanceUid()
                        + "]");
              }
            });
    if (awaited.timedOut()) {
      List<String> unfinished =
          awaited.features().entrySet().stream()
              .filter(e -> !e.getValue().isFinal())
              .map(e -> e.getKey().patientId() + " " + e.getValue().status())
              .toList();
      out.println(
          "rtds: features not done within "
              + options.timeout().toMinutes()
              + " min: "
              + String.join(", ", unfinished)
              + ". RTDS goes on computing them: run ./rtds demo again later for the summary"
              + " (nothing is loaded twice), or wait longer with --timeout-min");
    }
    List<Study> overdosed = studies.stream().filter(s -> s.member().overdosed()).toList();
    long checked = checks.values().stream().filter(Qc::available).count();
    if (checked > 0) {
      long overdosedFlagged = overdosed.stream().filter(s -> flagged(checks.get(s))).count();
      List<Study> others = studies.stream().filter(s -> !s.member().overdosed()).toList();
      long othersFlagged = others.stream().filter(s -> flagged(checks.get(s))).count();
      out.println(
          overdosed.isEmpty()
              ? "rtds: the achievable-dose check flagged "
                  + othersFlagged
                  + " of the "
                  + others.size()
                  + " members (none is deliberately over-dosed: the first is DEMO-008, with"
                  + " --size 8 or more)"
              : "rtds: the achievable-dose check flagged "
                  + overdosedFlagged
                  + " of the "
                  + overdosed.size()
                  + " deliberately over-dosed members and "
                  + othersFlagged
                  + " of the "
                  + others.size()
                  + " others");
    }
    hints(overdosed.isEmpty() ? studies.get(0) : overdosed.get(0));
  }

  private void hints(Study example) {
    String uid = example.studyInstanceUid();
    String study = options.url() + "/api/v1/studies/" + uid;
    String curl = "curl -u " + options.user() + ":$RTDS_PASSWORD ";
    out.println();
    out.println(
        "Look further at "
            + example.patientId()
            + (example.member().overdosed() ? " (deliberately over-dosed)" : "")
            + ":");
    out.println("  " + curl + study + "/similar     # the most similar anatomies, best first");
    out.println("  " + curl + study + "/qc          # its organs against the achievable dose");
    out.println("  " + curl + "'" + study + "/dvhs?metrics=Dmean,D0.03cc'");
    out.println(
        "  in a browser: "
            + options.url()
            + "/  (sign in as "
            + options.user()
            + "; API page "
            + options.url()
            + "/api-docs/)");
  }

  private static boolean flagged(Qc qc) {
    return qc != null && qc.available() && !qc.flagged().isEmpty();
  }

  /** The member's description without its leading {@code DEMO-001: }. */
  private static String description(Study s) {
    String d = s.member().description();
    String prefix = s.patientId() + ": ";
    return d.startsWith(prefix) ? d.substring(prefix.length()) : d;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** {@code 1m 05s}, or {@code 42s}. */
  static String elapsed(long nanos) {
    long seconds = Math.max(0, Math.round(nanos / 1e9));
    return seconds < 60
        ? seconds + "s"
        : String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
  }
}
