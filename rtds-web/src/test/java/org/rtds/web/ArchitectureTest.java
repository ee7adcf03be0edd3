package org.rtds.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
   * The web module calls the ingest and features modules through their boundaries. The classes
   * below are the ones it still uses from their {@code control} and {@code dicom} packages (to be
   * moved behind the boundaries, issue 14): the list may shrink, never grow.
   */
  @Test
  void otherModulesControlClassesOnlyThoseStillListed() {
    noClasses()
        .that()
        .resideInAPackage("org.rtds.web..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                    "org.rtds.ingest.control..",
                    "org.rtds.ingest.dicom..",
                    "org.rtds.features.control..")
                .and(
                    not(
                        belongToAnyOf(
                            org.rtds.features.control.FeatureJobs.class,
                            org.rtds.features.control.MissingInputException.class,
                            org.rtds.ingest.control.FileStoreState.class,
                            org.rtds.ingest.control.QidoQueryParser.class,
                            org.rtds.ingest.control.ContentAddressedStore.class,
                            org.rtds.ingest.control.IngestUnavailableException.class,
                            org.rtds.ingest.dicom.SopClass.class))))
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
