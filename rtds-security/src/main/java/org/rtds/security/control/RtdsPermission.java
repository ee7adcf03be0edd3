package org.rtds.security.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an RTDS account may do, each a Django permission ({@code auth_permission}, app label {@code
 * rtds}, added by migration V10) and, under the same name, a container role that JAX-RS methods,
 * pages and EJBs name in {@code @RolesAllowed}.
 *
 * <p>An account holds a permission when one of its groups or the account itself holds a permission
 * with the codename or one of its {@linkplain #grantedBy() legacy codenames}, whatever the app
 * label of that permission's content type (so a legacy Django group keeps its meaning); superusers
 * hold every permission. The table in ARCHITECTURE.md ("Roles and permissions") lists the job-role
 * groups and what each holds. Plain Java.
 */
public enum RtdsPermission {

  /** See the patients, studies, ROIs, DVHs and features of the account's own hospital. */
  VIEW_PATIENT(Codename.VIEW_PATIENT, "view_study", "change_patient", "change_study"),

  /** Send DICOM objects (REST, STOW-RS, the upload page; C-STORE and drop folder by config). */
  ADD_INSTANCE(Codename.ADD_INSTANCE, "add_patient", "add_study"),

  /**
   * Use the knowledge base: similar studies, achievable-dose check, DVH bands; other hospitals'
   * studies appear de-identified only.
   */
  VIEW_KNOWLEDGE_BASE(Codename.VIEW_KNOWLEDGE_BASE, "view_similarity", "view_ovh", "view_sts"),

  /** Add, change and delete the department's dose constraints. */
  CHANGE_DOSE_CONSTRAINT(
      Codename.CHANGE_DOSE_CONSTRAINT, "add_doseconstraint", "delete_doseconstraint"),

  /** See the feature-computation queue and ask for recomputation. */
  CHANGE_FEATURE_JOB(Codename.CHANGE_FEATURE_JOB),

  /** Search and export the audit trail. */
  VIEW_AUDIT_EVENT(Codename.VIEW_AUDIT_EVENT);

  /** The codenames, as compile-time constants for {@code @RolesAllowed}. */
  public static final class Codename {
    public static final String VIEW_PATIENT = "view_patient";
    public static final String ADD_INSTANCE = "add_instance";
    public static final String VIEW_KNOWLEDGE_BASE = "view_knowledgebase";
    public static final String CHANGE_DOSE_CONSTRAINT = "change_doseconstraint";
    public static final String CHANGE_FEATURE_JOB = "change_featurejob";
    public static final String VIEW_AUDIT_EVENT = "view_auditevent";

    private Codename() {}
  }

  private final String codename;
  private final List<String> grantedBy;

  RtdsPermission(String codename, String... legacyCodenames) {
    this.codename = codename;
    this.grantedBy = Stream.concat(Stream.of(codename), Arrays.stream(legacyCodenames)).toList();
  }

  /** The codename, which is also the container role name. */
  public String codename() {
    return codename;
  }

  /** Codenames that grant this permission: its own first, then legacy ones. */
  public List<String> grantedBy() {
    return grantedBy;
  }

  /**
   * @return the RTDS permission with this codename (its own, not a legacy one), if any
   */
  public static Optional<RtdsPermission> byCodename(String codename) {
    return Arrays.stream(values()).filter(p -> p.codename.equals(codename)).findFirst();
  }

  /** Every RTDS permission's codename, in declaration order. */
  public static List<String> codenames() {
    return Arrays.stream(values()).map(RtdsPermission::codename).toList();
  }

  /**
   * @param codenames the codenames of every permission an account holds through its groups and
   *     directly ({@code auth_permission.codename}, any app label)
   * @return the RTDS permissions they grant
   */
  public static Set<RtdsPermission> grantedBy(Collection<String> codenames) {
    Set<RtdsPermission> granted = EnumSet.noneOf(RtdsPermission.class);
    for (RtdsPermission p : values()) {
      if (p.grantedBy.stream().anyMatch(codenames::contains)) {
        granted.add(p);
      }
    }
    return granted;
  }
}
