package org.rtds.testdata.dicom;

/** Gives tests in other packages the test RLE decoder. */
public final class RleCodecTestAccess {
  private RleCodecTestAccess() {}

  public static byte[] decode(byte[] frame, int rows, int columns, int bytesPerSample) {
    return RleCodecTest.decodeFrame(frame, rows, columns, bytesPerSample);
  }
}
