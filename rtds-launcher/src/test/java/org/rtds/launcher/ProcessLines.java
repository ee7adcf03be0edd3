package org.rtds.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects a child process's standard output, line by line, on a daemon thread. */
final class ProcessLines {
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  ProcessLines(Process process) {
    reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException ended) {
                // process gone
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  /** Everything read so far, lines joined with LF. */
  String text() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Waits for the end of the output, at most {@code millis}. */
  void awaitEnd(long millis) throws InterruptedException {
    reader.join(millis);
  }
}
