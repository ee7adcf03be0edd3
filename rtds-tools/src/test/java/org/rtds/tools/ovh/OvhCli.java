package org.rtds.tools.ovh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtds.tools.cli.InProcess;
import org.rtds.tools.dvh.Cli;

/** Runs {@link OvhCommand#run} in-process and parses its CSV. */
final class OvhCli {
  private OvhCli() {}

  /** One CSV row. */
  record Row(
      String ptv,
      String ptvStandardName,
      String oar,
      String oarStandardName,
      String quantity,
      String at,
      String value,
      String unit,
      String note) {}

  record Result(int status, String out, String err) {
    List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      String[] lines = out.split("\n", -1);
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          List<String> f = Cli.fields(lines[i]);
          if (f.size() != 9) {
            throw new AssertionError("9 fields expected: " + lines[i]);
          }
          rows.add(
              new Row(
                  f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                  f.get(8)));
        }
      }
      return rows;
    }

    List<Row> rows(String ptv, String oar) {
      return rows().stream().filter(r -> r.ptv().equals(ptv) && r.oar().equals(oar)).toList();
    }

    double value(String ptv, String oar, String quantity) {
      List<Row> r = rows(ptv, oar).stream().filter(x -> x.quantity().equals(quantity)).toList();
      if (r.size() != 1 || r.get(0).value().isEmpty()) {
        throw new AssertionError(ptv + "/" + oar + " " + quantity + ": " + r + "\n" + err);
      }
      return Double.parseDouble(r.get(0).value());
    }
  }

  static Result run(Path dir, String... options) {
    return runArgs(InProcess.args(dir, options));
  }

  static Result runArgs(String... args) {
    InProcess.Captured c = InProcess.run(OvhCommand::run, args);
    return new Result(c.status(), c.out(), c.err());
  }
}
