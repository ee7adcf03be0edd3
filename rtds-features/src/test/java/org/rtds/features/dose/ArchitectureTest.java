package org.rtds.features.dose;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

  /**
   * The domain but its plain-Java number text ({@code domain.text.DecimalList}, shared with ingest:
   * it depends on nothing but the JDK, see the domain's ArchitectureTest).
   */
  private static final DescribedPredicate<JavaClass> PERSISTENCE_OR_LIBRARIES =
      resideInAnyPackage("jakarta..", "org.rtds.domain..", "com.pixelmed..")
          .and(not(resideInAPackage("org.rtds.domain.text..")));

  @Test
  void doseCalculatorsArePureJava() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.features.dose..")
        .should()
        .dependOnClassesThat(PERSISTENCE_OR_LIBRARIES)
        .check(CLASSES);
  }

  @Test
  void knowledgeBaseCalculatorsArePureJava() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.features.knowledge..")
        .should()
        .dependOnClassesThat(
            PERSISTENCE_OR_LIBRARIES.or(
                resideInAnyPackage("org.rtds.features.boundary..", "org.rtds.features.control..")))
        .check(CLASSES);
  }
}
