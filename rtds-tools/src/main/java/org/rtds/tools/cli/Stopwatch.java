package org.rtds.tools.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock and CPU time of the steps of a command: {@link #start()} takes mark 0, each {@link
 * #mark()} the next one; times between marks are in ms.
 */
public final class Stopwatch {
  private final List<long[]> marks = new ArrayList<>();

  private Stopwatch() {}

  /**
   * @return a stopwatch with mark 0 taken now
   */
  public static Stopwatch start() {
    Stopwatch s = new Stopwatch();
    s.mark();
    return s;
  }

  /**
   * Takes the next mark.
   *
   * @return its index
   */
  public int mark() {
    marks.add(new long[] {System.nanoTime(), cpuNanos()});
    return marks.size() - 1;
  }

  /**
   * @param from a mark
   * @param to a later mark
   * @return the wall-clock time between them (ms)
   */
  public double wallMs(int from, int to) {
    return (marks.get(to)[0] - marks.get(from)[0]) / 1e6;
  }

  /**
   * @param from a mark
   * @param to a later mark
   * @return the CPU time of the whole process between them (all threads, ms)
   */
  public double cpuMs(int from, int to) {
    return (marks.get(to)[1] - marks.get(from)[1]) / 1e6;
  }

  /**
   * @return "JVM uptime N ms; N processors"
   */
  public static String jvm() {
    return String.format(
        Locale.ROOT,
        "JVM uptime %d ms; %d processors",
        ManagementFactory.getRuntimeMXBean().getUptime(),
        Runtime.getRuntime().availableProcessors());
  }

  /** CPU time of the whole process (all threads, ns); 0 when the JVM does not tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
