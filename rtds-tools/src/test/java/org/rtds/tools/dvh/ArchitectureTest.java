package org.rtds.tools.dvh;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The tools read DICOM only through the ingest façade (org.rtds.ingest.dicom) and run without a
 * server: no PixelMed, no Jakarta EE, no JPA entities, no ingest boundaries (EJBs).
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.tools");

  @Test
  void noDicomLibraryOutsideTheFacade() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.pixelmed..")
        .because("only org.rtds.ingest.dicom may use the DICOM library (ARCHITECTURE.md D2)")
        .check(CLASSES);
  }

  @Test
  void noServerApis() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.tools..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                    "jakarta..",
                    "javax.ejb..",
                    "org.eclipse.microprofile..",
                    "org.rtds.domain..",
                    "org.rtds.ingest.boundary..",
                    "org.rtds.ingest.entity..")
                // the domain's plain-Java number text is not a server API (domain ArchitectureTest)
                .and(not(resideInAPackage("org.rtds.domain.text.."))))
        .because("the CLI runs without a server, CDI or a database")
        .check(CLASSES);
  }
}
