package org.rtds.web.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.features.knowledge.ranking.SimilarityWeights;

/**
 * RTDS settings (docs: docs/interfaces.md, "Configuration"). Each is an environment variable or a
 * MicroProfile Config property of the same name (for the EAR: a JVM system property set with {@code
 * asadmin create-system-properties}). {@code RTDS_DATA_DIR} is read by the file store
 * (rtds-ingest's {@code FileStore}), its only user.
 */
@ApplicationScoped
public class RtdsConfig {

  @Inject Config config;

  /**
   * {@code RTDS_ADMIN_PASSWORD}: password of the first {@code admin} account; generated when
   * absent.
   */
  public Optional<String> adminPassword() {
    return config.getOptionalValue("RTDS_ADMIN_PASSWORD", String.class);
  }

  /**
   * The knowledge base's settings: {@code RTDS_SIMILARITY_WEIGHTS} (e.g. {@code
   * ovh=0.5,sts=0.3,dose=0.2,maxDoseDiffGy=5,oar.Parotid_L=2}), {@code RTDS_QC_TOLERANCE_GY} (τ,
   * default 3), {@code RTDS_QC_TOP_K} (default 5), {@code RTDS_QC_PRESCRIPTION_TOLERANCE_GY}
   * (default 1) and {@code RTDS_QC_GEOMETRY} ({@code whole-ovh}, the default, or {@code r50}).
   *
   * @return the settings
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public KnowledgeBase.Settings knowledgeBase() {
    KnowledgeBase.Settings d = KnowledgeBase.Settings.DEFAULT;
    String geometry =
        config.getOptionalValue("RTDS_QC_GEOMETRY", String.class).orElse("whole-ovh").trim();
    OarReview.Geometry g =
        switch (geometry.toLowerCase(Locale.ROOT)) {
          case "whole-ovh" -> OarReview.Geometry.WHOLE_OVH;
          case "r50" -> OarReview.Geometry.R50;
          default ->
              throw new IllegalArgumentException(
                  "RTDS_QC_GEOMETRY must be whole-ovh or r50, not '" + geometry + "'");
        };
    try {
      return new KnowledgeBase.Settings(
          SimilarityWeights.parse(
              config.getOptionalValue("RTDS_SIMILARITY_WEIGHTS", String.class).orElse(null)),
          number("RTDS_QC_TOLERANCE_GY", d.toleranceGy()),
          (int) number("RTDS_QC_TOP_K", d.topK()),
          number("RTDS_QC_PRESCRIPTION_TOLERANCE_GY", d.qcPrescriptionToleranceGy()),
          g);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("knowledge-base settings: " + e.getMessage(), e);
    }
  }

  /** Default of {@link #tokenRateLimit()}: 20 requests a second on average. */
  public static final int DEFAULT_TOKEN_RATE_LIMIT = 1200;

  /**
   * {@code RTDS_TOKEN_RATE_LIMIT}: requests per minute and API token (default {@value
   * #DEFAULT_TOKEN_RATE_LIMIT}; 0: no limit). Password (HTTP Basic) callers are not limited: the
   * failed-login throttle protects passwords, and {@code ./rtds import} sends one request per file.
   *
   * @throws IllegalArgumentException when it is not a whole number ≥ 0
   */
  public int tokenRateLimit() {
    double limit = number("RTDS_TOKEN_RATE_LIMIT", DEFAULT_TOKEN_RATE_LIMIT);
    if (limit < 0 || limit != Math.rint(limit) || limit > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "RTDS_TOKEN_RATE_LIMIT must be a whole number of requests per minute (0: no limit)");
    }
    return (int) limit;
  }

  /**
   * {@code RTDS_CORS_ORIGINS}: the origins (e.g. {@code https://tps.example.org}, comma-separated)
   * whose browser pages may call the API and DICOMweb; {@code *} for any; empty (the default): no
   * cross-origin access.
   */
  public java.util.List<String> corsOrigins() {
    String text = config.getOptionalValue("RTDS_CORS_ORIGINS", String.class).orElse("");
    return java.util.Arrays.stream(text.split(","))
        .map(String::trim)
        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
        .filter(o -> !o.isEmpty())
        .toList();
  }

  private double number(String name, double fallback) {
    String text = config.getOptionalValue(name, String.class).orElse(null);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + text + "'");
    }
  }
}
