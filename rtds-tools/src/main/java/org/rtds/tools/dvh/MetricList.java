package org.rtds.tools.dvh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtds.features.dose.metric.Metric;
import org.rtds.features.dose.metric.MetricException;
import org.rtds.features.dose.metric.MetricParser;

/**
 * The metrics the CLI reports, in order, without duplicates (by canonical name). {@code Volume}
 * (stacked-prism volume of the contours, cc) always comes first and {@code DvhVolume} (the volume
 * the DVH was computed on: CT voxels inside the contours, cc) second, whether asked for or not.
 *
 * @param metrics the parsed metrics; {@code null} entries stand for {@code DvhVolume}
 * @param names canonical names, same order
 */
public record MetricList(List<Metric> metrics, List<String> names) {

  /** The name of the DVH (rasterised) volume row. */
  public static final String DVH_VOLUME = "DvhVolume";

  /** Metrics reported when none are asked for. */
  public static final String DEFAULT = "Volume,Dmean,Dmin,Dmax,D98%,D95%,D50%,D2%,D0.03cc,V20Gy";

  /**
   * @param commaSeparated e.g. "Dmean,D95%,D0.03cc,V20Gy"
   * @return the list, Volume and DvhVolume first
   * @throws MetricException naming the first malformed metric (the parser's message)
   */
  public static MetricList parse(String commaSeparated) {
    Map<String, Metric> byName = new LinkedHashMap<>();
    byName.put("Volume", new Metric.TotalVolume());
    byName.put(DVH_VOLUME, null);
    for (String part : commaSeparated.split(",", -1)) {
      String expression = part.trim();
      if (expression.isEmpty()) {
        if (commaSeparated.isBlank()) {
          throw new MetricException("no metric given");
        }
        continue;
      }
      if (expression.toLowerCase(Locale.ROOT).equals(DVH_VOLUME.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Metric m = MetricParser.parse(expression);
      byName.putIfAbsent(m.canonicalName(), m);
    }
    return new MetricList(
        new ArrayList<>(byName.values()), List.copyOf(new ArrayList<>(byName.keySet())));
  }

  /**
   * @return true when a metric needs the prescription dose
   */
  public boolean needsPrescription() {
    for (Metric m : metrics) {
      if (m instanceof Metric.DoseStatistic d && d.percentOfRx()
          || m instanceof Metric.DoseAtVolume v && v.percentOfRx()
          || m instanceof Metric.VolumeAtDose v2 && v2.doseInPercentOfRx()
          || m instanceof Metric.Index i && i.kind() != Metric.IndexKind.HI) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return canonical names of the metrics that need the prescription
   */
  public List<String> namesNeedingPrescription() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      if (m != null && new MetricList(List.of(m), List.of(names.get(i))).needsPrescription()) {
        out.add(names.get(i));
      }
    }
    return out;
  }
}
