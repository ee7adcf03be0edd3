package org.rtds.ingest.control;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of ROI-name grammar shared by {@link RoiNameNormalizer} and {@link RoiSynonymTable}:
 * word splitting, sides, planning-helper markers, the TG-263 target grammar with its dose level,
 * and PRV margins. Pure functions, no state.
 */
final class RoiNames {

  /** Left or right, as TG-263 writes it at the end of a name ({@code _L}, {@code _R}). */
  enum Side {
    L,
    R
  }

  /** TG-263 guiding principle 1: names have 16 characters or fewer. */
  static final int TG263_MAX_LENGTH = 16;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** CamelCase and letter/digit boundaries: SpinalCord, LParotid, PTV70, OpticNrvL. */
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile(
          "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})"
              + "|(?<=\\p{N})(?=\\p{L})");

  /**
   * Words that mark a side when they open or close a name. English abbreviations plus the Latin
   * sinister/dexter forms used in European clinics (Parotis sin, Parotis dx).
   */
  private static final Map<String, Side> SIDE_WORDS =
      Map.ofEntries(
          Map.entry("l", Side.L),
          Map.entry("lt", Side.L),
          Map.entry("lft", Side.L),
          Map.entry("left", Side.L),
          Map.entry("sin", Side.L),
          Map.entry("sx", Side.L),
          Map.entry("r", Side.R),
          Map.entry("rt", Side.R),
          Map.entry("rgt", Side.R),
          Map.entry("right", Side.R),
          Map.entry("dx", Side.R),
          Map.entry("dex", Side.R));

  /**
   * Words that make a structure a planning helper, never evaluated for dose (TG-263 §4.4 and
   * guiding principle 15: optimisation structures, rings, hot/cold spot structures, isodose-line
   * structures). Compared with whole words only, so {@code Optic} is not {@code opt}.
   */
  private static final Set<String> HELPER_WORDS =
      Set.of(
          "ring",
          "rings",
          "donut",
          "opt",
          "optim",
          "optimization",
          "optimisation",
          "optimize",
          "optimise",
          "mod",
          "avoid",
          "avoidance",
          "help",
          "helper",
          "dummy",
          "tmp",
          "shell",
          "hot",
          "cold",
          "hotspot",
          "coldspot",
          "tune",
          "tuning",
          "ctrl",
          "control",
          "block",
          "blocker",
          "isodose",
          "idl",
          "dose");

  /**
   * TG-263 target grammar (§8.2): an optional risk/level word used by clinics before the type
   * (HR-CTV, Eval_PTV), the target type, an optional classifier (p primary, n nodal, sb surgical
   * bed, par parenchyma, v venous thrombosis, vas vascular), then anything.
   */
  private static final Pattern TARGET =
      Pattern.compile(
          "^(?:(?<qualifier>eval|boost|hr|ir|lr|high|low|mid|sib)[\\s_\\-.]*)?"
              + "(?<type>ptv!|igtv|ictv|ptv|ctv|gtv|itv)"
              + "(?:(?<classifier>par|vas|sb|p|n|v)(?![a-z]))?"
              + "(?<rest>.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** An organ with a target removed for evaluation (TG-263 lists Lungs-GTV, Liver-CTV …). */
  private static final Pattern ORGAN_MINUS_TARGET =
      Pattern.compile(
          "^(?<base>.+?)[\\s_]*(?:-|(?<![\\p{L}])(?:minus|not)(?![\\p{L}]))[\\s_]*"
              + "(?<type>ptv!|igtv|ictv|ptv|ctv|gtv|itv)(?![a-z&&[^nps]])(?<tail>.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * A number that may be a dose level: not glued to a preceding letter or digit (so Mid01, Phase12,
   * N1, CT2 are not doses), with an optional unit and an optional "x fractions" (TG-263 §8.2 rule
   * 7: PTV_Liver_2000x3, PTV_20Gyx3). The 'p' decimal point is TG-263's (PTV_50p4Gy).
   */
  private static final Pattern DOSE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?<number>\\d+p\\d+(?=\\s*c?gy)|\\d+(?:[.,]\\d+)?)"
              + "\\s*(?<unit>c?gy)?(?:\\s*x\\s*(?<fractions>\\d+)(?:\\s*(?:fx|fr|f))?)?"
              + "(?![\\p{L}\\p{N}]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);

  /** A bare number at least this large is a dose in cGy (TG-263's recommended unit). */
  private static final BigDecimal CGY_THRESHOLD = BigDecimal.valueOf(100);

  /** A bare number below this is an enumerator (PTV1, GTVp2), not a dose. */
  private static final BigDecimal MIN_BARE_DOSE = BigDecimal.TEN;

  /** A bare number at least this large (e.g. a date) is not a dose in any unit. */
  private static final BigDecimal MAX_BARE_CGY = BigDecimal.valueOf(10_000);

  /** "PRV" as a word (Cord_PRV5, PRV Cord) or CamelCase-glued (CordPRV5), with its margin. */
  private static final Pattern PRV =
      Pattern.compile(
          "(?:(?<!\\p{L})(?i:prv)|(?<=\\p{Ll})PRV)(?!\\p{Ll})"
              + "(?:[\\s_\\-+.]*(?<number>\\d+(?:[.,]\\d+)?)\\s*(?<unit>(?i:mm|cm))?(?!\\p{L}))?");

  /** An expansion by a margin: cord+5mm, Brainstem + 3, Lens_L+0.3cm. */
  private static final Pattern PLUS_MARGIN =
      Pattern.compile("\\+\\s*(?<number>\\d+(?:[.,]\\d+)?)\\s*(?<unit>(?i:mm|cm))?(?!\\p{L})");

  /** A margin written elsewhere in a PRV name: PRV_Cord_5mm, Cord 5 mm PRV. */
  private static final Pattern LOOSE_MARGIN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?<number>\\d+(?:[.,]\\d+)?)\\s*(?<unit>(?i:mm|cm))(?!\\p{L})");

  private RoiNames() {}

  /**
   * Unicode-normalises a name for matching: compatibility forms folded (NFKD, so a no-break space
   * is a space), accents removed (Rückenmark → Ruckenmark), outer blanks trimmed. Case is kept:
   * CamelCase boundaries need it.
   */
  static String clean(String name) {
    return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("").strip();
  }

  /**
   * Splits a name into lower-case words at every separator and at CamelCase and letter/digit
   * boundaries: {@code "LParotid_Gland"} → [l, parotid, gland], {@code "PTV70"} → [ptv, 70].
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String chunk : NOT_ALPHANUMERIC.split(clean(text))) {
      for (String word : WORD_BOUNDARY.split(chunk)) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /** The matching key of some words: joined without separators ("spinal cord" → spinalcord). */
  static String key(List<String> words) {
    return String.join("", words);
  }

  /** The side a single word stands for, if it is a side word. */
  static Optional<Side> side(String word) {
    return Optional.ofNullable(SIDE_WORDS.get(word));
  }

  /**
   * A name's words with a side taken off its start or end.
   *
   * @param core the remaining words (all words when no side was found)
   * @param side the side, or null
   * @param sideWords the side words as written, for the audit rule (empty when none)
   * @param conflicting true when the name opens with one side and closes with the other
   */
  record Sided(List<String> core, Side side, String sideWords, boolean conflicting) {}

  /** Finds a side at the start or the end of the words; at least one other word must remain. */
  static Sided splitSide(List<String> words) {
    int n = words.size();
    if (n < 2) {
      return new Sided(words, null, "", false);
    }
    Side first = SIDE_WORDS.get(words.get(0));
    Side last = SIDE_WORDS.get(words.get(n - 1));
    if (first != null && last != null) {
      if (n == 2) {
        return new Sided(words, null, "", false);
      }
      String written = words.get(0) + "…" + words.get(n - 1);
      return first == last
          ? new Sided(words.subList(1, n - 1), first, written, false)
          : new Sided(words, null, written, true);
    }
    if (first != null) {
      return new Sided(words.subList(1, n), first, words.get(0), false);
    }
    if (last != null) {
      return new Sided(words.subList(0, n - 1), last, words.get(n - 1), false);
    }
    return new Sided(words, null, "", false);
  }

  /** True when the first or the last of several words is a side word. */
  static boolean hasSideAtAnEnd(List<String> words) {
    return words.size() > 1
        && (SIDE_WORDS.containsKey(words.get(0))
            || SIDE_WORDS.containsKey(words.get(words.size() - 1)));
  }

  /**
   * Why a name is a planning helper structure, or empty when it is not: TG-263 guiding principle 15
   * prefixes ({@code z} before a capital, digit or separator, or {@code _}), a percentage (an
   * isodose-line structure), or a helper word such as ring, opt, avoid, hot, cold.
   */
  static Optional<String> helperReason(String cleanName) {
    if (cleanName.startsWith("_")) {
      return Optional.of("TG-263 '_' prefix");
    }
    if (cleanName.length() > 1
        && (cleanName.charAt(0) == 'z' || cleanName.charAt(0) == 'Z')
        && !Character.isLowerCase(cleanName.charAt(1))) {
      return Optional.of("TG-263 'z' prefix");
    }
    if (cleanName.indexOf('%') >= 0) {
      return Optional.of("a percentage (isodose-line structure)");
    }
    return helperWord(words(cleanName)).map(word -> "planning helper word '" + word + "'");
  }

  /** The first helper word among some words. */
  static Optional<String> helperWord(List<String> words) {
    return words.stream().filter(HELPER_WORDS::contains).findFirst();
  }

  /**
   * A name read by the TG-263 target grammar.
   *
   * @param type the target type as TG-263 writes it (PTV, PTV!, CTV, GTV, ITV, IGTV, ICTV)
   * @param role its role
   * @param rest what follows the type and classifier (dose, structure indicator, crop …)
   * @param written the type and qualifier as written, for the audit rule
   */
  record Target(String type, RoiRole role, String rest, String written) {}

  /** Reads a name that starts with a target type (after an optional HR/IR/LR/Eval/Boost word). */
  static Optional<Target> target(String cleanName) {
    Matcher m = TARGET.matcher(cleanName);
    if (!m.matches()) {
      return Optional.empty();
    }
    String type = m.group("type").toUpperCase(Locale.ROOT);
    RoiRole role =
        switch (type) {
          case "PTV", "PTV!" -> RoiRole.PTV;
          case "CTV" -> RoiRole.CTV;
          case "GTV" -> RoiRole.GTV;
          default -> RoiRole.ITV; // ITV, IGTV, ICTV
        };
    String written = cleanName.substring(0, m.end("type"));
    return Optional.of(new Target(type, role, m.group("rest"), written));
  }

  /**
   * An organ name with a target subtracted.
   *
   * @param base the organ part as written
   * @param type the subtracted target type, upper case
   */
  record OrganMinusTarget(String base, String type) {}

  /** Reads {@code Lungs-GTV}, {@code Lung - PTV}, {@code Liver minus GTV}. */
  static Optional<OrganMinusTarget> organMinusTarget(String cleanName) {
    Matcher m = ORGAN_MINUS_TARGET.matcher(cleanName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new OrganMinusTarget(m.group("base").strip(), m.group("type").toUpperCase(Locale.ROOT)));
  }

  /**
   * The dose level written in a target name, or why there is none.
   *
   * @param gy the dose in Gy, or null
   * @param explanation how it was read, for the audit rule
   */
  record Dose(BigDecimal gy, String explanation) {}

  /**
   * Reads the dose level from the part of a target name after its type.
   *
   * <p>Units, in this order:
   *
   * <ol>
   *   <li>{@code Gy} or {@code cGy} written after the number: taken as written ({@code PTV_50.4Gy},
   *       {@code PTV_50p4Gy}, {@code CTV 5040cGy}).
   *   <li>A bare number of 100 or more is cGy, TG-263's recommended unit ({@code PTV_7000} = 70.00
   *       Gy, {@code PTVn_5600} = 56.00 Gy); a bare number from 10 to below 100 is Gy, the common
   *       clinical shorthand ({@code PTV70} = 70 Gy, {@code PTV 54.25} = 54.25 Gy). No photon
   *       prescription is 100 Gy or more, and none is written as less than 100 cGy.
   *   <li>Bare numbers below 10 are enumerators (PTV1, GTVp2), numbers with a leading zero are
   *       enumerators or TG-263 crop margins (PTV_Mid01, PTV-03), numbers of 10000 or more are not
   *       doses (dates, IDs), numbers followed by mm/cm are margins, and numbers glued to a
   *       preceding letter (N1, CT2, Phase12) belong to that word: none of these is a dose.
   *   <li>"{@code x n}" after a dose (TG-263 dose per fraction × fractions, {@code
   *       PTV_Liver_2000x3}) gives the total: 20.00 Gy × 3 = 60.00 Gy.
   * </ol>
   *
   * <p>Relative levels ({@code _High}, {@code _Mid}, {@code _Low}, TG-263's recommendation) carry
   * no dose. When a name holds two different doses (PTV_70_63) none is reported: that is ambiguous.
   */
  static Dose dose(String rest) {
    Matcher m = DOSE.matcher(rest);
    BigDecimal found = null;
    String explanation = null;
    while (m.find()) {
      Dose candidate = readDose(m);
      if (candidate == null) {
        continue;
      }
      if (found != null && found.compareTo(candidate.gy()) != 0) {
        return new Dose(
            null,
            "no dose level: the name holds two ("
                + found.toPlainString()
                + " Gy and "
                + candidate.gy().toPlainString()
                + " Gy)");
      }
      if (found == null) {
        found = candidate.gy();
        explanation = candidate.explanation();
      }
    }
    return found == null
        ? new Dose(null, "no dose level in the name")
        : new Dose(found, explanation);
  }

  private static Dose readDose(Matcher m) {
    String written = m.group();
    String number = m.group("number").toLowerCase(Locale.ROOT);
    String unit = m.group("unit") == null ? null : m.group("unit").toLowerCase(Locale.ROOT);
    BigDecimal value = new BigDecimal(number.replace('p', '.').replace(',', '.'));
    BigDecimal gy;
    String how;
    if ("gy".equals(unit)) {
      gy = value;
      how = "Gy written";
    } else if ("cgy".equals(unit)) {
      gy = value.movePointLeft(2);
      how = "cGy written";
    } else {
      boolean leadingZero =
          number.length() > 1 && number.charAt(0) == '0' && !number.startsWith("0.");
      if (leadingZero || value.compareTo(MIN_BARE_DOSE) < 0 || value.compareTo(MAX_BARE_CGY) >= 0) {
        return null;
      }
      if (value.compareTo(CGY_THRESHOLD) >= 0) {
        gy = value.movePointLeft(2);
        how = "bare number of 100 or more read as cGy";
      } else {
        gy = value;
        how = "bare number below 100 read as Gy";
      }
    }
    String fractions = m.group("fractions");
    if (fractions != null) {
      int n = Integer.parseInt(fractions);
      if (n < 1) {
        return null;
      }
      gy = gy.multiply(BigDecimal.valueOf(n));
      how += ", × " + n + " fractions";
    }
    if (gy.signum() <= 0) {
      return null;
    }
    return new Dose(
        gy, "dose " + written.strip() + ": " + how + " = " + gy.toPlainString() + " Gy");
  }

  /**
   * A planning organ-at-risk volume found in a name.
   *
   * @param base the name with the PRV designator and margin removed (the organ part)
   * @param marginMm the margin in mm, or null when none is written
   * @param written the PRV part as written, for the audit rule
   */
  record Prv(String base, BigDecimal marginMm, String written) {}

  /**
   * Finds a PRV designator ({@code _PRV}, {@code PRV05}, {@code PRV 5mm}) or an expansion by a
   * margin ({@code +5mm}, {@code + 0.5 cm}). A margin without a unit is in mm.
   */
  static Optional<Prv> prv(String cleanName) {
    String remaining = cleanName;
    BigDecimal margin = null;
    StringBuilder written = new StringBuilder();
    boolean found = false;
    for (Pattern pattern : List.of(PRV, PLUS_MARGIN)) {
      Matcher m = pattern.matcher(remaining);
      if (m.find()) {
        found = true;
        written.append(written.length() == 0 ? "" : " ").append(m.group().strip());
        if (margin == null && m.group("number") != null) {
          margin = millimetres(m.group("number"), m.group("unit"));
        }
        remaining = remaining.substring(0, m.start()) + " " + remaining.substring(m.end());
      }
    }
    if (!found) {
      return Optional.empty();
    }
    if (margin == null) {
      Matcher m = LOOSE_MARGIN.matcher(remaining);
      if (m.find()) {
        margin = millimetres(m.group("number"), m.group("unit"));
        written.append(' ').append(m.group().strip());
        remaining = remaining.substring(0, m.start()) + " " + remaining.substring(m.end());
      }
    }
    remaining = remaining.strip();
    if (words(remaining).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Prv(remaining, margin, written.toString()));
  }

  private static BigDecimal millimetres(String number, String unit) {
    BigDecimal value = new BigDecimal(number.replace(',', '.'));
    return unit != null && unit.equalsIgnoreCase("cm") ? value.movePointRight(1) : value;
  }

  /**
   * The words without trailing counts and sizes ("Isocenter 1" → isocenter, "Bolus 5 mm" → bolus).
   */
  static List<String> withoutTrailingCounts(List<String> words) {
    int end = words.size();
    while (end > 1) {
      String last = words.get(end - 1);
      boolean unitAfterNumber =
          (last.equals("mm") || last.equals("cm")) && end > 2 && isNumber(words.get(end - 2));
      if (isNumber(last) || unitAfterNumber) {
        end--;
      } else {
        break;
      }
    }
    return words.subList(0, end);
  }

  private static boolean isNumber(String word) {
    return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
  }
}
