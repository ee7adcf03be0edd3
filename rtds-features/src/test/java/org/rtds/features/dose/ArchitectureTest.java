package org.rtds.features.dose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dose and knowledge-base calculators are pure Java: no Jakarta EE, no JPA entities, no DICOM
 * library.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.features.dose", "org.rtds.features.knowledge");

  @Test
  void doseCalculatorsArePureJava() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.features.dose..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "org.rtds.domain..", "com.pixelmed..")
        .check(CLASSES);
  }

  @Test
  void knowledgeBaseCalculatorsArePureJava() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.features.knowledge..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "org.rtds.domain..",
            "com.pixelmed..",
            "org.rtds.features.boundary..",
            "org.rtds.features.control..")
        .check(CLASSES);
  }
}
