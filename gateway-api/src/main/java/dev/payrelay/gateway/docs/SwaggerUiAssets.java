package dev.payrelay.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Where the {@code org.webjars:swagger-ui} jar keeps Swagger UI's files: {@code
 * META-INF/resources/webjars/swagger-ui/<version>/}, the version read from the jar's own Maven
 * metadata, so upgrading the dependency needs no code change.
 */
final class SwaggerUiAssets {

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private SwaggerUiAssets() {}

  static Resource location() {
    return new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + version() + "/");
  }

  static String version() {
    try (InputStream in = new ClassPathResource(POM_PROPERTIES).getInputStream()) {
      Properties pom = new Properties();
      pom.load(in);
      String version = pom.getProperty("version");
      if (version == null || !version.matches("[0-9A-Za-z.-]+")) {
        throw new IllegalStateException("no usable version in " + POM_PROPERTIES);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Swagger UI (org.webjars:swagger-ui) is not on the classpath", e);
    }
  }
}
