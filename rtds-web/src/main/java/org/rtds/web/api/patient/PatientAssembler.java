package org.rtds.web.api.patient;

import org.rtds.ingest.entity.PatientListing;
import org.rtds.ingest.entity.PatientRecord;
import org.rtds.ingest.entity.ResultPage;
import org.rtds.ingest.entity.StudyListing;
import org.rtds.web.api.patient.PatientDtos.PatientPage;
import org.rtds.web.api.patient.PatientDtos.PatientSummary;
import org.rtds.web.api.patient.PatientDtos.PatientView;
import org.rtds.web.api.patient.PatientDtos.StudySummary;
import org.rtds.web.api.study.StudyAssembler;

/** Builds the {@link PatientDtos} from what {@code PatientRecords} answers. Plain Java. */
public final class PatientAssembler {

  private PatientAssembler() {}

  public static PatientPage page(ResultPage<PatientListing> found, int page, int size) {
    return new PatientPage(
        found.items().stream().map(PatientAssembler::summary).toList(), page, size, found.total());
  }

  public static PatientSummary summary(PatientListing p) {
    return new PatientSummary(
        p.id(),
        p.patientId(),
        p.patientName(),
        p.birthDate(),
        p.sex(),
        p.studies(),
        p.lastReceivedAt());
  }

  public static PatientView patient(PatientRecord p) {
    return new PatientView(
        p.id(),
        p.patientId(),
        p.patientName(),
        p.birthDate(),
        p.sex(),
        p.ethnicGroup(),
        p.studies().stream().map(PatientAssembler::study).toList());
  }

  public static StudySummary study(StudyListing s) {
    return new StudySummary(
        s.studyInstanceUid(),
        s.studyDate(),
        s.description(),
        s.featureStatus(),
        StudyAssembler.STUDIES + s.studyInstanceUid());
  }
}
