package org.rtds.ingest.dicom;

import java.io.IOException;
import java.nio.file.Path;
import org.rtds.ingest.entity.HounsfieldImage;

/** Reads a stored CT image's first frame in Hounsfield units. */
public final class HounsfieldReader {

  private HounsfieldReader() {}

  /**
   * @param file a stored CT image
   * @return its pixels in HU: stored value × RescaleSlope (default 1) + RescaleIntercept (default
   *     0)
   * @throws DicomParseException when the file has no pixel data RTDS can decode
   */
  public static HounsfieldImage read(Path file) throws IOException, DicomParseException {
    DicomObject object = new DicomReader().read(file);
    double slope = object.optionalDouble(DicomTag.RESCALE_SLOPE).orElse(1);
    double intercept = object.optionalDouble(DicomTag.RESCALE_INTERCEPT).orElse(0);
    PixelFrames frames = object.pixelFrames();
    long[] stored = frames.frame(0);
    short[] hu = new short[stored.length];
    for (int i = 0; i < stored.length; i++) {
      long value = Math.round(stored[i] * slope + intercept);
      hu[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
    return new HounsfieldImage(frames.rows(), frames.columns(), hu);
  }
}
