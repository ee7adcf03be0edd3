package org.rtds.st.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One DCMTK {@code storescu} push of a folder over one association, running in the background, its
 * verbose output kept (and written to a log file) so that a test can act after a number of C-STORE
 * responses and check each response's status.
 */
final class StorescuPush implements AutoCloseable {

  private static final String RESPONSE = "Received Store Response (";

  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final List<String> responses = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  private StorescuPush(Process process, Path log) {
    this.process = process;
    reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                  if (line.startsWith("XMIT:")) {
                    continue; // progress dots
                  }
                  output.add(line);
                  file.write(line);
                  file.write('\n');
                  int at = line.indexOf(RESPONSE);
                  if (at >= 0) {
                    responses.add(line.substring(at + RESPONSE.length(), line.lastIndexOf(')')));
                  }
                }
              } catch (IOException ended) {
                // storescu is gone
              }
            },
            "storescu-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code storescu -aet FAULTTEST -aec RTDS -R +sd +r -v localhost PORT DIR}. */
  static StorescuPush start(Path dir, String calledAe, int port, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(
                "storescu",
                "-aet",
                "FAULTTEST",
                "-aec",
                calledAe,
                "-R", // propose exactly the files' SOP classes and transfer syntax
                "+sd",
                "+r",
                "-v",
                "localhost",
                Integer.toString(port),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    return new StorescuPush(process, log);
  }

  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "storescu"))) {
        return true;
      }
    }
    return false;
  }

  /** The status text of every C-STORE response so far, e.g. {@code Success}. */
  List<String> responses() {
    synchronized (responses) {
      return List.copyOf(responses);
    }
  }

  long count(Predicate<String> status) {
    return responses().stream().filter(status).count();
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Waits until at least {@code n} responses matching {@code status} arrived. */
  void awaitResponses(int n, Predicate<String> status, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(status) < n) {
      if (System.nanoTime() > deadline || !process.isAlive() && count(status) < n) {
        reader.join(5000);
        if (count(status) >= n) {
          return;
        }
        throw new AssertionError(
            "storescu: expected "
                + n
                + " "
                + what
                + " within "
                + timeout.toSeconds()
                + " s, got "
                + count(status)
                + " (alive: "
                + process.isAlive()
                + "); responses: "
                + summary()
                + "\n"
                + tail());
      }
      Thread.sleep(100);
    }
  }

  /** Waits until storescu printed a line containing {@code text}. */
  void awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        reader.join(5000);
        if (output().contains(text)) {
          return;
        }
        throw new AssertionError(
            "storescu did not print '" + text + "' (alive: " + process.isAlive() + "):\n" + tail());
      }
      Thread.sleep(5);
    }
  }

  /** Waits for storescu to end; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "storescu did not finish within " + timeout.toSeconds() + " s:\n" + tail());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** Responses grouped by status, e.g. {@code {Success=120, Refused: OutOfResources=43}}. */
  String summary() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String r : responses()) {
      counts.merge(r, 1L, Long::sum);
    }
    return counts.toString();
  }

  String tail() {
    List<String> all;
    synchronized (output) {
      all = List.copyOf(output);
    }
    return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
