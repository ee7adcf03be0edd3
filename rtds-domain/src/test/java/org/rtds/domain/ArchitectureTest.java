package org.rtds.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain module's promises that the compiler does not keep. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.domain");

  /**
   * The number text parser and the query helpers are plain Java: the pure calculators of
   * rtds-features and ingest's DICOM reader use them without the persistence API.
   */
  @Test
  void textAndQueryHelpersDependOnTheJdkOnly() {
    classes()
        .that()
        .resideInAnyPackage("org.rtds.domain.text..", "org.rtds.domain.query..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.rtds.domain.text..", "org.rtds.domain.query..")
        .check(CLASSES);
  }
}
