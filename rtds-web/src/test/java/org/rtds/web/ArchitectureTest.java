package org.rtds.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** The web module's promises that the compiler does not keep. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.rtds.web");

  /**
   * The web module calls the ingest and features modules through their boundaries (and uses their
   * value types), never their {@code control} or {@code dicom} packages.
   */
  @Test
  void otherModulesAreReachedThroughTheirBoundaries() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.rtds.ingest.control..", "org.rtds.ingest.dicom..", "org.rtds.features.control..")
        .because("the web module's promise (org.rtds.web package-info)")
        .check(CLASSES);
  }

  /**
   * JSON-P builders come from {@link JsonBuilders}: {@code Json.create…Builder()} looks the
   * provider up through the service loader on every call (two thirds of a 50-ROI study page).
   */
  @Test
  void jsonBuildersComeFromTheOneFactory() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(JsonBuilders.class)
        .should()
        .callMethod(Json.class, "createObjectBuilder")
        .orShould()
        .callMethod(Json.class, "createArrayBuilder")
        .check(CLASSES);
  }
}
