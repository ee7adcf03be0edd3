package org.rtds.ingest;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.control.IngestWriter;

/**
 * The ingest module's package promises (the {@code package-info.java} of each package) that the
 * compiler does not keep. That only {@code org.rtds.ingest.dicom} knows the DICOM library is
 * checked by {@link DicomLibraryConfinementTest}.
 */
class ArchitectureTest {

  private static final String BOUNDARY = "org.rtds.ingest.boundary..";
  private static final String CONTROL = "org.rtds.ingest.control..";
  private static final String DICOM = "org.rtds.ingest.dicom..";
  private static final String ENTITY = "org.rtds.ingest.entity..";
  private static final String MODALITY_WRITER = "org.rtds.ingest.control.ModalityWriter";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.ingest");

  /** The boundary uses control, dicom and entity; nothing points back at the EJBs. */
  @Test
  void onlyTheBoundaryDependsOnTheBoundary() {
    noClasses()
        .that()
        .resideInAnyPackage(CONTROL, DICOM, ENTITY)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BOUNDARY)
        .because("control, dicom and entity run without the container (their package-info)")
        .check(CLASSES);
  }

  /**
   * The control package is plain Java: of the Jakarta APIs only the persistence API (through the
   * {@code EntityManager} it is given); no container service, no configuration lookup.
   */
  @Test
  void controlLooksUpNoContainerService() {
    noClasses()
        .that()
        .resideInAPackage(CONTROL)
        .should()
        .dependOnClassesThat(
            resideInAnyPackage("jakarta..", "javax..", "org.eclipse.microprofile..")
                .and(not(resideInAPackage("jakarta.persistence.."))))
        .because("the control package's objects are run by the boundary's EJBs (package-info)")
        .check(CLASSES);
  }

  /** The DICOM façade turns bytes into project types; it knows no pipeline and no EJB. */
  @Test
  void dicomDependsOnNoIngestPackageButEntity() {
    noClasses()
        .that()
        .resideInAPackage(DICOM)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CONTROL, BOUNDARY)
        .because("a switch of the DICOM library touches org.rtds.ingest.dicom only (package-info)")
        .check(CLASSES);
  }

  /** The boundary's value types depend on the JDK and rtds-domain only. */
  @Test
  void entityDependsOnTheJdkAndTheDomainOnly() {
    classes()
        .that()
        .resideInAPackage(ENTITY)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.rtds.domain..", ENTITY)
        .because("entity holds plain values, no JPA, container, control or DICOM (package-info)")
        .check(CLASSES);
  }

  /** The boundary's value types are records and enums. */
  @Test
  void entityHoldsRecordsAndEnums() {
    classes()
        .that()
        .resideInAPackage(ENTITY)
        .and()
        .doNotHaveSimpleName("package-info")
        .and()
        .areNotAnonymousClasses()
        .should(beARecordOrAnEnum())
        .check(CLASSES);
  }

  /**
   * A modality's rows are written by its {@code ModalityWriter}, which only {@code IngestWriter}
   * calls, after all its checks passed.
   */
  @Test
  void onlyTheIngestWriterUsesTheModalityWriters() {
    classes()
        .that()
        .implement(MODALITY_WRITER)
        .should()
        .onlyBeAccessed()
        .byClassesThat(belongTo(implement(MODALITY_WRITER)).or(belongToAnyOf(IngestWriter.class)))
        .because("every check runs before the first row is written (IngestWriter)")
        .check(CLASSES);
  }

  private static ArchCondition<JavaClass> beARecordOrAnEnum() {
    return new ArchCondition<>("be a record or an enum") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (!type.isRecord() && !type.isEnum()) {
          events.add(
              SimpleConditionEvent.violated(
                  type, type.getName() + " is neither a record nor an enum"));
        }
      }
    };
  }
}
