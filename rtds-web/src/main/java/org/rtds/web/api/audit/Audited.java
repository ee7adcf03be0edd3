package org.rtds.web.api.audit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every call of the annotated resource (class or method; the method's wins) is appended to the
 * audit trail by {@link AuditFilter}, whatever its outcome.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {

  /** DICOM audit EventID ({@link org.rtds.security.control.AuditRecord.EventId}). */
  String eventId();

  /** What the path names: patient ({id}), study ({uid}), instance, token ({id}), audit. */
  String objectType();
}
