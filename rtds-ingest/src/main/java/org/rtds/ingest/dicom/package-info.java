/**
 * RTDS's DICOM façade: the only package that knows the DICOM library.
 *
 * <p>RTDS reads DICOM with PixelMed (Debian's {@code libpixelmed-java}, installed into Maven by
 * {@code scripts/install-pixelmed.sh}), because dcm4che is not published to Maven Central. Every
 * {@code com.pixelmed} import lives in this package, and its public API uses only project-owned
 * types ({@link org.rtds.ingest.dicom.DicomObject}, {@link org.rtds.ingest.dicom.DicomTag}, {@link
 * org.rtds.ingest.dicom.SopClass}, {@link org.rtds.ingest.dicom.PixelFrames}, {@link
 * org.rtds.ingest.dicom.DicomParseException}, the value types of {@code org.rtds.ingest.entity}),
 * the JDK and, for DICOM JSON, JSON-P ({@code jakarta.json}). A switch to dcm4che therefore touches
 * this package only. {@code DicomLibraryConfinementTest} enforces both rules; {@code
 * ArchitectureTest} checks that the package depends on no other ingest package than {@code entity}.
 *
 * <p>What the package promises:
 *
 * <ul>
 *   <li>{@link org.rtds.ingest.dicom.DicomReader} reads DICOM Part 10 files and bare data sets
 *       (implicit or explicit VR, little or big endian, deflated) without decompressing pixel data,
 *       so objects whose pixel data the library cannot decode (32-bit RLE RT Dose) are read and can
 *       be stored as sent.
 *   <li>A {@link org.rtds.ingest.dicom.DicomObject} it returns is complete: truncated or malformed
 *       input, data that is not DICOM, a missing identifying attribute and an unsupported SOP class
 *       are rejected with a {@link org.rtds.ingest.dicom.DicomParseException} that says which
 *       problem, where.
 *   <li>Values come out as the JDK types the DICOM value representation suggests; lengths and
 *       coordinates are in mm in the DICOM patient coordinate system (LPS), doses in Gy unless
 *       {@code DoseUnits} says otherwise. The façade does not convert units.
 *   <li>{@link org.rtds.ingest.dicom.DicomObject#pixelFrames()} returns the stored pixel values of
 *       every frame as {@link org.rtds.ingest.dicom.PixelFrames} (raw stored values: an RT Dose in
 *       Gy is value × DoseGridScaling when DoseUnits is {@code GY}), for native pixel data and for
 *       RLE Lossless, which RTDS decodes itself (8, 16 and 32 bits; the library cannot decode
 *       32-bit RLE). Other compressed transfer syntaxes, colour and oversized objects are refused
 *       with a reason.
 *   <li>{@link org.rtds.ingest.dicom.DicomStoreListener} is the C-STORE / C-ECHO SCP: it writes
 *       each received object, as received, to a spool file and answers with the status and Error
 *       Comment its {@link org.rtds.ingest.dicom.DicomStoreHandler} returns ({@link
 *       org.rtds.ingest.dicom.DicomStoreOutcome}); every thread it uses comes from the caller's
 *       {@link java.util.concurrent.ThreadFactory}. It runs on the library's association layer, not
 *       on the library's SCP, which always answers success and starts its own threads.
 *   <li>{@link org.rtds.ingest.dicom.DicomJson} gives a stored object's attributes as DICOM JSON
 *       (PS3.18 Annex F) for WADO-RS metadata, and {@link org.rtds.ingest.dicom.HounsfieldReader} a
 *       stored CT image's first frame in Hounsfield units.
 * </ul>
 *
 * <p>Not here: a DICOM writer. RTDS keeps and serves every object as it was received.
 */
package org.rtds.ingest.dicom;
