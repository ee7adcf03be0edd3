package org.rtds.domain.rt;

/** ROI Display Color (3006,002A) as stored in {@code rt_rois.display_color}: {@code r\g\b}. */
public final class DisplayColor {

  private DisplayColor() {}

  /**
   * @param stored the stored value, e.g. {@code 255\0\128}
   * @return red, green, blue, each clamped to 0–255; null when absent or not three integers
   */
  public static int[] rgb(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.strip().split("\\\\");
    if (parts.length != 3) {
      return null;
    }
    int[] rgb = new int[3];
    try {
      for (int i = 0; i < 3; i++) {
        rgb[i] = Math.max(0, Math.min(255, Integer.parseInt(parts[i].strip())));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return rgb;
  }
}
