package org.rtds.ingest.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.entity.QidoAttribute;
import org.rtds.ingest.entity.QidoLevel;
import org.rtds.ingest.entity.QidoQuery;
import org.rtds.ingest.entity.QidoQuery.Match;

class QidoQueryParserTest {

  private static QidoQuery studies(String... keyValues) {
    return parse(QidoLevel.STUDY, keyValues);
  }

  private static QidoQuery parse(QidoLevel level, String... keyValues) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters
          .computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>())
          .add(keyValues[i + 1]);
    }
    return QidoQueryParser.parse(level, null, null, parameters);
  }

  @Test
  void keywordsAndTagsNameTheSameAttribute() {
    assertThat(studies("PatientID", "A*").matches())
        .containsExactly(new Match(QidoAttribute.PATIENT_ID, List.of("A*"), null, null));
    assertThat(studies("00100020", "A*").matches()).isEqualTo(studies("PatientID", "A*").matches());
    assertThat(studies("0020000d", "1.2.3").matches().get(0).attribute())
        .isEqualTo(QidoAttribute.STUDY_INSTANCE_UID);
  }

  @Test
  void anEmptyValueAsksForTheAttributeWithoutNarrowing() {
    QidoQuery query = studies("PatientName", "", "StudyDate", "");
    assertThat(query.matches()).isEmpty();
    assertThat(query.warnings()).isEmpty();
  }

  @Test
  void dateRangesInEveryFormOfPs34() {
    LocalDate jan1 = LocalDate.of(2020, 1, 1);
    LocalDate dec31 = LocalDate.of(2020, 12, 31);
    assertThat(studies("StudyDate", "20200101").matches().get(0))
        .isEqualTo(new Match(QidoAttribute.STUDY_DATE, List.of(), jan1, jan1));
    assertThat(studies("StudyDate", "20200101-20201231").matches().get(0))
        .isEqualTo(new Match(QidoAttribute.STUDY_DATE, List.of(), jan1, dec31));
    assertThat(studies("StudyDate", "20200101-").matches().get(0).to()).isNull();
    assertThat(studies("StudyDate", "-20201231").matches().get(0).from()).isNull();
    assertThat(studies("PatientBirthDate", "19500101-19591231").matches().get(0).attribute())
        .isEqualTo(QidoAttribute.PATIENT_BIRTH_DATE);
  }

  @Test
  void malformedDatesAndBackwardRangesAreRefusedWithTheReason() {
    for (String bad : List.of("2020-01-01", "20201301", "20200230", "-", "2020", "1-2-3", "x")) {
      assertThatThrownBy(() -> studies("StudyDate", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("StudyDate must be a date YYYYMMDD");
    }
    assertThatThrownBy(() -> studies("StudyDate", "20201231-20200101"))
        .hasMessageContaining("ends before it starts");
  }

  @Test
  void uidListsAreSeparatedByCommasOrBackslashesAndMustBeUids() {
    assertThat(studies("StudyInstanceUID", "1.2.3,1.2.4\\1.2.5").matches().get(0).values())
        .containsExactly("1.2.3", "1.2.4", "1.2.5");
    // a repeated key is a list too
    assertThat(studies("StudyInstanceUID", "1.2.3", "StudyInstanceUID", "1.2.4").matches())
        .singleElement()
        .satisfies(m -> assertThat(m.values()).containsExactly("1.2.3", "1.2.4"));
    for (String bad : List.of("1.2.x", "' OR 1=1 --", "1..2", "1." + "2".repeat(70))) {
      assertThatThrownBy(() -> studies("StudyInstanceUID", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("StudyInstanceUID must be UIDs");
    }
  }

  @Test
  void modalitiesAndSexAreCodes() {
    assertThat(studies("ModalitiesInStudy", "CT,RTDOSE").matches().get(0).values())
        .containsExactly("CT", "RTDOSE");
    assertThat(studies("PatientSex", "F").matches().get(0).values()).containsExactly("F");
    assertThatThrownBy(() -> studies("PatientSex", "f' or 1=1"))
        .hasMessageContaining("PatientSex must be a code");
    assertThatThrownBy(() -> parse(QidoLevel.SERIES, "Modality", "ct;drop"))
        .hasMessageContaining("Modality must be codes");
    assertThat(parse(QidoLevel.SERIES, "SeriesNumber", "+007").matches().get(0).values())
        .containsExactly("7");
    assertThatThrownBy(() -> parse(QidoLevel.SERIES, "SeriesNumber", "seven"))
        .hasMessageContaining("SeriesNumber must be a whole number");
  }

  @Test
  void whatRtdsCannotMatchIsIgnoredWithAWarning() {
    QidoQuery query =
        studies(
            "AccessionNumber", "A1",
            "NumberOfStudyRelatedSeries", "2",
            "Modality", "CT",
            "00091010", "x",
            "_", "1700000000",
            "fuzzymatching", "true",
            "includefield", "all,StudyTime,NoSuchThing");
    assertThat(query.matches()).isEmpty();
    assertThat(query.warnings())
        .containsExactly(
            "AccessionNumber is not stored by RTDS; ignored",
            "NumberOfStudyRelatedSeries is computed for the answer, not a matching key; ignored",
            "Modality is a series-level attribute, not a key of a study search; ignored",
            "00091010 is not an attribute RTDS can search by; ignored",
            "_ is not an attribute RTDS can search by; ignored",
            "fuzzymatching is not supported; names matched as given",
            "includefield StudyTime is not an attribute RTDS stores; ignored",
            "includefield NoSuchThing is not an attribute RTDS stores; ignored");
    // study keys narrow series and instance searches too
    assertThat(parse(QidoLevel.INSTANCE, "PatientID", "P1", "Modality", "CT").matches())
        .extracting(Match::attribute)
        .containsExactly(QidoAttribute.PATIENT_ID, QidoAttribute.MODALITY);
  }

  @Test
  void limitAndOffsetAreBoundedWholeNumbers() {
    QidoQuery query = studies("limit", "10", "offset", "20");
    assertThat(query.limit()).isEqualTo(10);
    assertThat(query.offset()).isEqualTo(20);
    assertThat(studies().limit()).isEqualTo(QidoQueryParser.MAX_LIMIT);
    for (String[] bad :
        List.of(
            new String[] {"limit", "0"},
            new String[] {"limit", "1001"},
            new String[] {"limit", "ten"},
            new String[] {"offset", "-1"})) {
      assertThatThrownBy(() -> studies(bad))
          .as(String.join("=", bad))
          .hasMessageContaining(bad[0] + " must be a whole number from");
    }
    assertThatThrownBy(() -> studies("limit", "1", "limit", "2"))
        .hasMessageContaining("limit is given 2 times");
    assertThatThrownBy(() -> studies("fuzzymatching", "maybe"))
        .hasMessageContaining("fuzzymatching must be true or false");
  }

  @Test
  void thePathUidsMustBeUids() {
    assertThatThrownBy(
            () -> QidoQueryParser.parse(QidoLevel.SERIES, "../../etc/passwd", null, Map.of()))
        .hasMessageContaining("the study UID in the path is not a DICOM UID");
    assertThat(QidoQueryParser.parse(QidoLevel.INSTANCE, "1.2", "1.2.3", Map.of()))
        .extracting(QidoQuery::studyInstanceUid, QidoQuery::seriesInstanceUid)
        .containsExactly("1.2", "1.2.3");
  }
}
