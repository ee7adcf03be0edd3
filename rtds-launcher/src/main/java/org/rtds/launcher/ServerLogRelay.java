package org.rtds.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the server's output to its log file and shows on the console only what a user needs:
 * RTDS's own messages (INFO and above) and SEVERE messages from anywhere. Payara writes ODL
 * records, {@code [time] [product] [LEVEL] [id] [logger] [tid…] [timeMillis…] [levelValue…]
 * message} where a multi-line message is wrapped in {@code [[ … ]]}; on a terminal the level and
 * logger carry ANSI colours.
 *
 * <p>It also notices a failed deployment, and a start-up failure that is a configuration error, so
 * the launcher can stop waiting at once instead of watching RTDS retry for ever.
 */
final class ServerLogRelay implements Runnable {

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
  private static final Pattern HEADER =
      Pattern.compile(
          "^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[(\\w+)\\] \\[[^\\]]*\\] \\[([^\\]]*)\\]((?: \\[[^\\]]*\\])*)\\s?(.*)$");
  private static final Pattern DEPLOYMENT_FAILURE =
      Pattern.compile(
          "Exception while deploying|Exception while loading the app|Deployment failed|AS-DEPLOYMENT-00026");

  /**
   * A start-up failure of RTDS that retrying cannot cure: the database refuses the configured
   * account, the database does not exist, or Payara's pool has no password to give. (A database
   * that is down or restarting is not one: RTDS keeps retrying, and the launcher keeps waiting.)
   */
  private static final Pattern CONFIGURATION_FAILURE =
      Pattern.compile(
          "Access denied for user|Unknown database|No ?password ?credential found",
          Pattern.CASE_INSENSITIVE);

  private static final int TAIL_LINES = 80;

  private final InputStream input;
  private final Writer logFile;
  private final PrintStream console;
  private final Deque<String> tail = new ArrayDeque<>();
  private volatile String deploymentFailure;
  private volatile String configurationFailure;

  ServerLogRelay(InputStream input, Writer logFile, PrintStream console) {
    this.input = input;
    this.logFile = logFile;
    this.console = console;
  }

  @Override
  public void run() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
      Record record = null;
      String raw;
      while ((raw = reader.readLine()) != null) {
        String line = ANSI.matcher(raw).replaceAll("");
        logFile.write(line);
        logFile.write(System.lineSeparator());
        logFile.flush();
        remember(line);
        Matcher header = HEADER.matcher(line);
        if (header.matches()) {
          finish(record);
          String message = header.group(4);
          boolean multiLine = message.startsWith("[[");
          record =
              new Record(
                  header.group(1),
                  header.group(2),
                  new StringBuilder(multiLine ? message.substring(2) : message));
          if (!multiLine || message.endsWith("]]")) {
            record = finish(record);
          }
        } else if (record != null) {
          record.message.append(record.message.length() == 0 ? "" : "\n").append(line);
          if (line.endsWith("]]")) {
            record = finish(record);
          }
        }
      }
      finish(record);
    } catch (IOException ended) {
      // the server stopped and its output closed: nothing more to relay
    }
  }

  /** Why the application failed to deploy, once the server said so; null otherwise. */
  String deploymentFailure() {
    return deploymentFailure;
  }

  /**
   * The first line of RTDS's start-up failure when it is a configuration error (wrong database
   * account or password, unknown database) rather than an outage; null otherwise.
   */
  String configurationFailure() {
    return configurationFailure;
  }

  static boolean shouldShow(String level, String logger) {
    return "SEVERE".equals(level)
        || logger.startsWith("org.rtds")
            && !"FINE".equals(level)
            && !"FINER".equals(level)
            && !"FINEST".equals(level);
  }

  /** The last lines the server wrote, to show when it fails. */
  synchronized List<String> tail() {
    return List.copyOf(tail);
  }

  private Record finish(Record record) {
    if (record == null) {
      return null;
    }
    String text = record.message.toString().trim();
    if (text.endsWith("]]")) {
      text = text.substring(0, text.length() - 2).trim();
    }
    if ("SEVERE".equals(record.level)
        && DEPLOYMENT_FAILURE.matcher(text).find()
        && deploymentFailure == null) {
      deploymentFailure = text.lines().findFirst().orElse(text);
    }
    if (record.logger.startsWith("org.rtds")
        && ("SEVERE".equals(record.level) || "WARNING".equals(record.level))
        && CONFIGURATION_FAILURE.matcher(text).find()
        && configurationFailure == null) {
      configurationFailure = text.lines().findFirst().orElse(text);
    }
    if (shouldShow(record.level, record.logger) && !text.isEmpty()) {
      // the first line says what happened; stack traces stay in the log file
      console.println("  " + text.lines().findFirst().orElse(text));
    }
    return null;
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  private record Record(String level, String logger, StringBuilder message) {}
}
