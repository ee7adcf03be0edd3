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
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.rtds.launcher.DemoClient.Features;
import org.rtds.launcher.DemoClient.Qc;
import org.rtds.launcher.DemoFolder.Cohort;
import org.rtds.launcher.DemoFolder.Study;

/**
 * {@code ./rtds demo}: writes (or reuses) the demonstration cohort, imports it into a running RTDS
 * like {@code ./rtds import}, waits until every study's features are computed, and prints one line
 * per member with its features status and the organs the achievable-dose check flagged.
 *
 * <p>It does not start an RTDS of its own: without a running one it says how to start it (exit
 * status 2), before anything is generated. Exit status 0 when every study is loaded and its
 * features are DONE; 1 when files were rejected, features FAILED or were not done within {@code
 * --timeout-min}; 2 for usage errors and when the demo could not go on (no RTDS, wrong
 * credentials).
 */
final class DemoCommand {

  /** Between two rounds of asking every unfinished study for its status. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  /** A progress line at least this often when the output is not a terminal. */
  static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

  private static final List<String> STATUS_ORDER =
      List.of("DONE", "RUNNING", "PENDING", "FAILED", "MISSING", "UNKNOWN");

  private final DemoOptions options;
  private final DemoClient client;
  private final DemoFolder.MemberWriter writer;
  private final HttpClient http;
  private final ImportClient.Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;

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
    this.options = options;
    this.client = new DemoClient(options, http);
    this.writer = writer;
    this.http = http;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.out = out;
    this.err = err;
    this.tty = tty;
  }

  /** {@code ./rtds demo ARGS} with the process's environment and terminal. */
  static int main(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Console console = System.console();
    DemoOptions options =
        DemoOptions.parse(
            args,
            env,
            prompt ->
                console == null
                    ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("%s", prompt))
                        .map(String::new)
                        .filter(p -> !p.isEmpty()));
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
            tty)
        .execute();
  }

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
