package org.rtds.domain.feature;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link FeatureJobStatus} as its name in the {@code varchar(16)} column the migrations
 * create (a converter rather than {@code @Enumerated}, which Hibernate 6 maps to a MariaDB {@code
 * enum} column type that schema validation would find different); an unknown value written by a
 * newer node fails loudly.
 */
@Converter
public class FeatureJobStatusConverter implements AttributeConverter<FeatureJobStatus, String> {

  @Override
  public String convertToDatabaseColumn(FeatureJobStatus status) {
    return status == null ? null : status.name();
  }

  @Override
  public FeatureJobStatus convertToEntityAttribute(String column) {
    return column == null ? null : FeatureJobStatus.valueOf(column);
  }
}
