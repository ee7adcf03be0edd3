package org.rtds.web.view;

/**
 * DICOM Person Name (PN) values as people read them: {@code Family^Given^Middle^Prefix^Suffix}
 * becomes "Family, Given Middle" (prefix and suffix kept around it), the form a clinician expects
 * on a patient list; empty components are skipped.
 */
public final class PersonNames {

  private PersonNames() {}

  /**
   * @param dicom a PN value (the alphabetic group; ideographic and phonetic groups after {@code =}
   *     are left out), or null
   * @return the readable name, or "" for null or an empty value
   */
  public static String display(String dicom) {
    if (dicom == null || dicom.isBlank()) {
      return "";
    }
    String alphabetic = dicom.split("=", -1)[0];
    String[] c = alphabetic.split("\\^", -1);
    String family = part(c, 0);
    String given = join(part(c, 1), part(c, 2));
    String name = family.isEmpty() ? given : given.isEmpty() ? family : family + ", " + given;
    return join(join(part(c, 3), name), part(c, 4)).strip();
  }

  private static String part(String[] components, int i) {
    return i < components.length ? components[i].strip() : "";
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }
}
