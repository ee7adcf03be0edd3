package org.rtds.ingest;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The DICOM library (PixelMed, chosen because dcm4che is not on Maven Central) is known to one
 * package only, so that replacing it touches that package alone (ARCHITECTURE.md, decisions).
 */
class DicomLibraryConfinementTest {

  private static final String FACADE = "org.rtds.ingest.dicom..";
  private static final String LIBRARY = "com.pixelmed..";

  /**
   * Main and test classes of this module: tests outside the façade must not use the library either.
   */
  private static final JavaClasses ALL_CLASSES =
      new ClassFileImporter().importPackages("org.rtds.ingest");

  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.ingest");

  @Test
  void onlyTheDicomPackageUsesTheDicomLibrary() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage(FACADE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(LIBRARY)
            .because("the DICOM library is confined to org.rtds.ingest.dicom (dicom-pixelmed.md)");

    rule.check(ALL_CLASSES);
  }

  @Test
  void theFacadeApiExposesNoLibraryType() {
    ArchRule signatures =
        codeUnits()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(FACADE)
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .arePublic()
            .should(useNoLibraryTypeInTheirSignature())
            .because("callers of the façade must not need the DICOM library");
    ArchRule publicFields =
        fields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(FACADE)
            .and()
            .arePublic()
            .should()
            .notHaveRawType(resideInAPackage(LIBRARY))
            .allowEmptyShould(true);

    signatures.check(MAIN_CLASSES);
    publicFields.check(MAIN_CLASSES);
  }

  private static ArchCondition<JavaCodeUnit> useNoLibraryTypeInTheirSignature() {
    return new ArchCondition<>("use no " + LIBRARY + " type in their signature") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        boolean leaks =
            resideInAPackage(LIBRARY).test(unit.getRawReturnType())
                || anyElementThat(resideInAPackage(LIBRARY)).test(unit.getRawParameterTypes())
                || unit.getThrowsClause().getTypes().stream()
                    .anyMatch(resideInAPackage(LIBRARY)::test);
        if (leaks) {
          events.add(
              SimpleConditionEvent.violated(
                  unit, unit.getFullName() + " exposes a DICOM library type in its signature"));
        }
      }
    };
  }
}
