package org.rtds.tools.dvh;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@link DvhCommand#run} in-process and parses its CSV. */
public final class Cli {
  private Cli() {}

  record Result(int status, String out, String err) {
    /** CSV rows without the header, each split into fields. */
    List<List<String>> rows() {
      List<List<String>> rows = new ArrayList<>();
      String[] lines = out.split("\n", -1);
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          rows.add(fields(lines[i]));
        }
      }
      return rows;
    }

    /** ROI name → metric → value ("" when empty). */
    Map<String, Map<String, String>> values() {
      Map<String, Map<String, String>> m = new LinkedHashMap<>();
      for (List<String> r : rows()) {
        m.computeIfAbsent(r.get(1), k -> new LinkedHashMap<>()).put(r.get(2), r.get(3));
      }
      return m;
    }

    double value(String roi, String metric) {
      String v = values().get(roi).get(metric);
      if (v == null || v.isEmpty()) {
        throw new AssertionError(roi + " " + metric + " has no value:\n" + out + err);
      }
      return Double.parseDouble(v);
    }
  }

  static Result run(Path dir, String... options) {
    String[] args =
        Stream.concat(Stream.of(dir.toString()), Stream.of(options)).toArray(String[]::new);
    return runArgs(args);
  }

  static Result runArgs(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = DvhCommand.run(args, o, e);
    }
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** One RFC 4180 line (no embedded line breaks) split into unquoted fields. */
  public static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
