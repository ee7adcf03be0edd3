package org.rtds.launcher;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rtds.launcher.ImportSummary.Result;
import org.rtds.launcher.ImportSummary.Status;

/**
 * {@code ./rtds import DIR}: uploads every file under a folder to a running RTDS ({@code POST
 * URL/api/v1/instances}, {@code --threads} at a time), shows progress and prints a summary. Exit
 * status 0 when every object was stored or a duplicate, 1 when some were rejected (or failed), 2
 * for usage errors and when the import could not go on (no RTDS, wrong credentials, unavailable too
 * long).
 *
 * <p>It does not start an RTDS of its own: without a running one it says how to start it.
 */
final class ImportCommand {

  private static final Duration TTY_REDRAW = Duration.ofMillis(200);
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

  private final ImportOptions options;
  private final ImportClient client;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;

  ImportCommand(
      ImportOptions options, ImportClient client, PrintStream out, PrintStream err, boolean tty) {
    this.options = options;
    this.client = client;
    this.out = out;
    this.err = err;
    this.tty = tty;
  }

  /** {@code ./rtds import ARGS} with the process's environment and terminal. */
  static int main(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Console console = System.console();
    ImportOptions options =
        ImportOptions.parse(
            args,
            env,
            prompt ->
                console == null
                    ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("%s", prompt))
                        .map(String::new)
                        .filter(p -> !p.isEmpty()));
    if (options.help()) {
      out.print(ImportOptions.USAGE);
      return 0;
    }
    boolean tty = console != null && !"dumb".equals(env.get("TERM"));
    ImportClient client =
        new ImportClient(
            options, ImportClient.defaultHttpClient(), d -> Thread.sleep(d.toMillis()));
    return new ImportCommand(options, client, out, err, tty).execute();
  }

  int execute() throws IOException, InterruptedException {
    Path dir = options.dir();
    List<Path> files = new ArrayList<>();
    int[] skipped = {0};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              if (skip(f.getFileName().toString())) {
                skipped[0]++;
              } else {
                files.add(f);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            err.println("rtds: cannot read " + f + ": " + e.getMessage());
            skipped[0]++;
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    if (files.isEmpty()) {
      out.println("rtds: no files to import under " + dir);
      return 0;
    }
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    out.println(
        "rtds: importing "
            + files.size()
            + " files ("
            + ImportProgress.size(totalBytes)
            + ") from "
            + dir
            + " into "
            + options.url()
            + " as "
            + options.user()
            + ", "
            + options.threads()
            + " at a time");

    ImportSummary summary = new ImportSummary();
    AtomicReference<String> aborted = new AtomicReference<>();
    CountDownLatch remaining = new CountDownLatch(files.size());
    long started = System.nanoTime();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "rtds-import");
              t.setDaemon(true);
              return t;
            });
    try {
      for (Path file : files) {
        executor.execute(() -> uploadOne(file, summary, aborted, remaining));
      }
      showProgress(summary, files.size(), remaining, started);
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (aborted.get() == null || summary.filesDone() > 0) {
      summary.print(out, dir, files.size(), skipped[0], seconds);
    }
    if (aborted.get() != null) {
      err.println("rtds: import stopped: " + aborted.get());
      return 2;
    }
    return summary.exitCode();
  }

  private void uploadOne(
      Path file, ImportSummary summary, AtomicReference<String> aborted, CountDownLatch remaining) {
    try {
      if (aborted.get() != null) {
        return;
      }
      String name = relativeName(file);
      long size = Files.size(file);
      List<Result> results;
      try {
        results = client.upload(file, name);
      } catch (ImportClient.Aborted e) {
        aborted.compareAndSet(null, e.getMessage());
        return;
      } catch (RuntimeException e) {
        results = List.of(new Result(name, null, Status.FAILED, null, "import failed: " + e));
      }
      if (results.isEmpty()) {
        results = List.of(new Result(name, null, Status.FAILED, null, "RTDS reported no object"));
      }
      summary.add(results, size);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      summary.add(
          List.of(new Result(relativeName(file), null, Status.FAILED, null, e.toString())), 0);
    } finally {
      remaining.countDown();
    }
  }

  private void showProgress(
      ImportSummary summary, int total, CountDownLatch remaining, long started)
      throws InterruptedException {
    Duration every = tty ? TTY_REDRAW : PLAIN_EVERY;
    while (!remaining.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
      String text = progress(summary, total, started);
      if (tty) {
        out.print("\r" + text + "   "); // the spaces wipe what a longer line left
      } else {
        out.println(text);
      }
      out.flush();
    }
    if (tty) {
      out.print("\r" + progress(summary, total, started) + "   ");
      out.println();
    }
  }

  private String progress(ImportSummary summary, int total, long started) {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    double rate = summary.bytesSent() / seconds;
    return tty
        ? ImportProgress.bar(summary.filesDone(), total, rate)
        : ImportProgress.line(summary.filesDone(), total, rate);
  }

  private String relativeName(Path file) {
    StringBuilder name = new StringBuilder();
    for (Path part : options.dir().relativize(file)) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  /** Hidden files and DICOMDIR (a media index, not an object RTDS keeps). */
  static boolean skip(String fileName) {
    return fileName.startsWith(".")
        || fileName.toUpperCase(Locale.ROOT).equals("DICOMDIR")
        || Arrays.asList("Thumbs.db", "desktop.ini").contains(fileName);
  }
}
