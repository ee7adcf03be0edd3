package org.rtds.testdata.dicom;

/**
 * The DICOM value representations this writer supports (PS3.5 §6.2), with the facts the encoder
 * needs: whether the explicit-VR header has a 4-byte length (PS3.5 §7.1.2) and which byte pads an
 * odd-length value (PS3.5 §6.2: NUL for UI and the binary OB/UN, space for text).
 */
public enum Vr {
  AE,
  AS,
  AT,
  CS,
  DA,
  DS,
  DT,
  FD,
  FL,
  IS,
  LO,
  LT,
  OB,
  OD,
  OF,
  OL,
  OW,
  PN,
  SH,
  SL,
  SQ,
  SS,
  ST,
  TM,
  UC,
  UI,
  UL,
  UN,
  UR,
  US,
  UT;

  /** Whether the explicit VR header of this VR has two reserved bytes and a 32-bit length. */
  public boolean hasLongLength() {
    return switch (this) {
      case OB, OD, OF, OL, OW, SQ, UC, UN, UR, UT -> true;
      default -> false;
    };
  }

  /**
   * Whether values of this VR are character strings (encoded, padded and multi-valued with
   * backslash).
   */
  public boolean isText() {
    return switch (this) {
      case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
      default -> false;
    };
  }

  /**
   * The byte that pads an odd-length value to even length: NUL for UI, OB and UN, space for other
   * text.
   */
  public byte paddingByte() {
    return switch (this) {
      case UI, OB, UN -> 0;
      default -> isText() ? (byte) ' ' : 0;
    };
  }

  /**
   * Maximum length in characters of one value of a text VR (PS3.5 Table 6.2-1), or -1 when not
   * limited here.
   */
  public int maxValueLength() {
    return switch (this) {
      case AE -> 16;
      case AS -> 4;
      case CS -> 16;
      case DA -> 8;
      case DS -> 16;
      case DT -> 26;
      case IS -> 12;
      case LO -> 64;
      case PN -> 64 * 5;
      case SH -> 16;
      case TM -> 14;
      case UI -> 64;
      case LT -> 10240;
      case ST -> 1024;
      default -> -1;
    };
  }
}
