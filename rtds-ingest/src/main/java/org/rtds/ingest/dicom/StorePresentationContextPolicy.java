package org.rtds.ingest.dicom;

import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Association negotiation of {@link DicomStoreListener}: accepts the configured storage SOP classes
 * in every transfer syntax RTDS can store as received, and Verification (C-ECHO).
 *
 * <p>Per presentation context the first proposed transfer syntax that is acceptable is chosen, so a
 * sender that proposes its compressed form first (DCMTK {@code storescu -xr}, or a pre-compressed
 * file) sends it unchanged. Acceptable are the native syntaxes (implicit and explicit VR little
 * endian, explicit VR big endian), deflated explicit VR little endian, RLE Lossless and the
 * encapsulated JPEG family (1.2.840.10008.1.2.4.*: JPEG, JPEG-LS, JPEG 2000, HTJ2K, MPEG); a
 * private transfer syntax is refused ("transfer syntaxes not supported"), since nothing could read
 * the stored object. Other abstract syntaxes are refused with "abstract syntax not supported".
 */
final class StorePresentationContextPolicy implements PresentationContextSelectionPolicy {

  static final String VERIFICATION = "1.2.840.10008.1.1";

  private static final Set<String> NATIVE_AND_DEFLATED =
      Set.of(
          "1.2.840.10008.1.2", // implicit VR little endian
          "1.2.840.10008.1.2.1", // explicit VR little endian
          "1.2.840.10008.1.2.1.99", // deflated explicit VR little endian
          "1.2.840.10008.1.2.2"); // explicit VR big endian (retired, still readable)

  private static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
  private static final String ENCAPSULATED_FAMILY = "1.2.840.10008.1.2.4.";

  private static final byte ACCEPTANCE = 0;
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
  private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

  private final Set<String> storageSopClasses;

  StorePresentationContextPolicy(Set<String> storageSopClasses) {
    this.storageSopClasses = Set.copyOf(storageSopClasses);
  }

  /** Returns whether a data set in this transfer syntax can be stored and read back. */
  static boolean isStorable(String transferSyntaxUid) {
    return NATIVE_AND_DEFLATED.contains(transferSyntaxUid)
        || RLE_LOSSLESS.equals(transferSyntaxUid)
        || (transferSyntaxUid.startsWith(ENCAPSULATED_FAMILY)
            && transferSyntaxUid.length() > ENCAPSULATED_FAMILY.length());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList presentationContexts, int associationNumber, int debugLevel) {
    return applyPresentationContextSelectionPolicy(presentationContexts, associationNumber);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(
      LinkedList presentationContexts, int associationNumber) {
    for (Object item : presentationContexts) {
      select((PresentationContext) item);
    }
    return presentationContexts;
  }

  private void select(PresentationContext context) {
    String abstractSyntax = trim(context.getAbstractSyntaxUID());
    boolean verification = VERIFICATION.equals(abstractSyntax);
    if (!verification && !storageSopClasses.contains(abstractSyntax)) {
      context.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
      return;
    }
    String chosen = null;
    for (Object proposed : (List<?>) context.getTransferSyntaxUIDs()) {
      String uid = trim((String) proposed);
      boolean acceptable =
          verification ? NATIVE_AND_DEFLATED.contains(uid) : uid != null && isStorable(uid);
      if (acceptable) {
        chosen = uid;
        break;
      }
    }
    if (chosen == null) {
      context.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
      return;
    }
    context.newTransferSyntaxUIDs();
    context.addTransferSyntaxUID(chosen);
    context.setResultReason(ACCEPTANCE);
  }

  private static String trim(String uid) {
    return uid == null ? null : DicomObject.trimValue(uid);
  }
}
