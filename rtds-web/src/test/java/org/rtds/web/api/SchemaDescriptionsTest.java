package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtds.web.api.study.StudyDtos;

class SchemaDescriptionsTest {

  @Test
  void everyPropertyOfEveryAnswerIsDescribed() {
    List<String> missing = new ArrayList<>();
    for (Class<?> type : SchemaDescriptions.answerTypes()) {
      if (!type.isRecord()) {
        continue;
      }
      for (RecordComponent c : type.getRecordComponents()) {
        if (SchemaDescriptions.description(type, c.getName()).isEmpty()) {
          missing.add(type.getSimpleName() + "." + c.getName());
        }
      }
    }
    assertThat(missing).as("add them to " + SchemaDescriptions.RESOURCE).isEmpty();
  }

  @Test
  void everyExampleHasItsPropertysType() {
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : SchemaDescriptions.answerTypes()) {
      if (!type.isRecord()) {
        continue;
      }
      for (RecordComponent c : type.getRecordComponents()) {
        var example = SchemaDescriptions.example(type, c.getName());
        if (example.isEmpty()) {
          continue;
        }
        Class<?> t = c.getType();
        boolean number = t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t);
        if (number && !example.get().matches("-?\\d+(\\.\\d+)?")) {
          wrong.add(type.getSimpleName() + "." + c.getName() + " = " + example.get());
        }
        if (!number && !t.isPrimitive() && t != String.class && !isoTime(t, example.get())) {
          wrong.add(type.getSimpleName() + "." + c.getName() + " has a " + t.getSimpleName());
        }
      }
    }
    assertThat(wrong).as("examples that do not fit their property").isEmpty();
  }

  @Test
  void theAnswersAreReachedThroughListsAndNestedRecords() {
    assertThat(SchemaDescriptions.answerTypes())
        .contains(StudyDtos.StudyView.class, StudyDtos.MetricView.class, StudyDtos.TopMetric.class);
    assertThat(SchemaDescriptions.description(StudyDtos.DvhView.class, "doseGy"))
        .hasValueSatisfying(d -> assertThat(d).contains("Gy"));
  }

  /**
   * Whether {@code type} is a date or time the example spells as its JSON does (ISO 8601), or an
   * enum the example names a constant of.
   */
  private static boolean isoTime(Class<?> type, String example) {
    if (type.isEnum()) {
      return java.util.Arrays.stream(type.getEnumConstants())
          .anyMatch(c -> ((Enum<?>) c).name().equals(example));
    }
    try {
      if (type == java.time.LocalDate.class) {
        java.time.LocalDate.parse(example);
        return true;
      }
      if (type == java.time.LocalDateTime.class) {
        java.time.LocalDateTime.parse(example);
        return true;
      }
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
    return false;
  }
}
