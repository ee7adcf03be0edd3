package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  @Test
  void everyResourceOfTheApiIsListed() {
    var resources =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rtds.web.api")
                .stream()
                .filter(c -> c.isAnnotatedWith(Path.class))
                .map(JavaClass::reflect)
                .toList();
    assertThat(OpenApiDocument.RESOURCES).containsExactlyInAnyOrderElementsOf(resources);
  }

  @Test
  void theRoleOfAnOperationIsItsMethodsElseItsClasss() {
    Map<String, String> roles = OpenApiDocument.roles();
    assertThat(roles)
        .containsEntry("GET /api/v1/studies/{uid}", "view_patient")
        .containsEntry("GET /api/v1/studies/{uid}/qc", "view_knowledgebase")
        .containsEntry("GET /api/v1/me", "user")
        .containsEntry("POST /api/v1/constraints", "change_doseconstraint")
        .containsEntry("GET /api/v1/constraints", "user")
        .containsEntry("DELETE /api/v1/admin/tokens/{id}", "admin")
        .containsEntry("POST /api/v1/instances", "add_instance");
  }

  @Test
  void operationsThatRefuseMalformedParametersSaySo() {
    Map<String, String> rejects = OpenApiDocument.rejects();
    assertThat(rejects)
        .containsKeys(
            "GET /api/v1/patients",
            "GET /api/v1/audit",
            "GET /api/v1/studies/{uid}/dvhs",
            "GET /api/v1/studies/{uid}/similar/dvh-band")
        .doesNotContainKey("GET /api/v1/me");
  }
}
