package org.rtds.web.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the test WAR the way rtds-micro does, without a class list: the web module's own build
 * output, the other RTDS modules as they are on the test class path (their {@code target/classes}
 * in a reactor build, or their jars), and the third-party libraries resolved by Maven from this
 * module's POM.
 */
final class DeploymentBuilder {

  /** API jars the server provides; Hibernate drags them in (docs: platform pitfall 2). */
  private static final List<String> SERVER_PROVIDED =
      List.of(
          "jakarta.persistence-api",
          "jakarta.transaction-api",
          "jakarta.inject-api",
          "jakarta.xml.bind-api",
          "jaxb-runtime",
          "jakarta.activation-api",
          "jaxb-core",
          "jakarta.annotation-api");

  private DeploymentBuilder() {}

  static WebArchive rtdsWar(Class<?>... testClasses) {
    WebArchive war =
        ShrinkWrap.create(ExplodedImporter.class, "rtds.war")
            .importDirectory(new File("target/rtds-web"))
            .as(WebArchive.class)
            .setWebXML(new StringAsset(webXmlWithTestRunnerOpen()))
            .addClasses(testClasses);
    for (String module :
        List.of(
            "org.rtds.domain.schema.SchemaMigrator",
            "org.rtds.security.boundary.AccountAuthenticator",
            "org.rtds.ingest.boundary.FileStore",
            "org.rtds.features.package-info")) {
      war.addAsLibrary(moduleArchive(module));
    }
    File[] libraries =
        Maven.resolver()
            .loadPomFromFile("pom.xml")
            .resolve(
                "org.hibernate.orm:hibernate-core",
                "org.flywaydb:flyway-core",
                "org.flywaydb:flyway-mysql",
                "com.pixelmed:pixelmed",
                "org.bouncycastle:bcprov-jdk18on",
                "org.assertj:assertj-core")
            .withTransitivity()
            .asFile();
    war.addAsLibraries(
        Arrays.stream(libraries)
            .filter(
                f -> SERVER_PROVIDED.stream().noneMatch(api -> f.getName().startsWith(api + "-")))
            .toArray(File[]::new));
    return war;
  }

  /**
   * The real web.xml, plus one public URL: Arquillian's test runner servlet, which the client calls
   * to run in-container tests (everything else stays behind the login).
   */
  private static String webXmlWithTestRunnerOpen() {
    try {
      String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
      String opening =
          """
                      <security-constraint>
                        <web-resource-collection>
                          <web-resource-name>arquillian</web-resource-name>
                          <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                          <url-pattern>/ArquillianServletRunner</url-pattern>
                        </web-resource-collection>
                      </security-constraint>
                    """;
      int at = webXml.indexOf("  <security-role>");
      if (at < 0) {
        throw new IllegalStateException("web.xml has no <security-role>: update DeploymentBuilder");
      }
      return webXml.substring(0, at) + opening + webXml.substring(at);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The archive (directory or jar) that holds {@code className}, as an archive named after its
   * module.
   */
  private static JavaArchive moduleArchive(String className) {
    Path location;
    try {
      Class<?> marker = Class.forName(className);
      location = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException(
          "module class " + className + " is not on the test class path", e);
    }
    String name = className.split("\\.")[2] + ".jar";
    if (Files.isDirectory(location)) {
      return ShrinkWrap.create(ExplodedImporter.class, "rtds-" + name)
          .importDirectory(location.toFile())
          .as(JavaArchive.class);
    }
    return ShrinkWrap.create(ZipImporter.class, "rtds-" + name)
        .importFrom(location.toFile())
        .as(JavaArchive.class);
  }
}
