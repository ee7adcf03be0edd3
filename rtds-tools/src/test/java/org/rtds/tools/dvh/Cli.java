package org.rtds.tools.dvh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtds.tools.cli.InProcess;

/** Runs {@link DvhCommand#run} in-process and parses its CSV. */
public final class Cli {
  private Cli() {}

  public record Result(int status, String out, String err) {
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

  public static Result run(Path dir, String... options) {
    return runArgs(InProcess.args(dir, options));
  }

  static Result runArgs(String... args) {
    InProcess.Captured c = InProcess.run(DvhCommand::run, args);
    return new Result(c.status(), c.out(), c.err());
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
