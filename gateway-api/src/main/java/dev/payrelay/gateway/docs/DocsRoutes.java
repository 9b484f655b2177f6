package dev.payrelay.gateway.docs;

import java.net.URI;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The API's own documentation, public (no API key) and served entirely by the node, with no CDN:
 *
 * <ul>
 *   <li>{@code GET /openapi.yaml}: the contract, openapi/openapi.yaml as built into the jar;
 *   <li>{@code GET /docs}: Swagger UI pointed at it, its files from the {@code
 *       org.webjars:swagger-ui} jar under {@code /docs/assets/}.
 * </ul>
 *
 * <p>The page is relative to {@code /docs} (so it also works behind a path prefix) and is served
 * with a content security policy that allows only this origin.
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  /** Scripts, styles and the contract only from this node; images also inline (Swagger UI's). */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private static final Resource CONTRACT = new ClassPathResource("openapi/openapi.yaml");
  private static final Resource PAGE = new ClassPathResource("docs/index.html");
  private static final Resource INIT = new ClassPathResource("docs/init.js");

  @Bean
  RouterFunction<ServerResponse> apiDocumentation() {
    return RouterFunctions.route()
        .GET("/openapi.yaml", request -> serve(CONTRACT, YAML))
        .GET("/docs", request -> page())
        .GET("/docs/", request -> ServerResponse.permanentRedirect(URI.create("../docs")).build())
        .GET("/docs/init.js", request -> serve(INIT, MediaType.parseMediaType("text/javascript")))
        .add(RouterFunctions.resources("/docs/assets/**", SwaggerUiAssets.location()))
        .build();
  }

  private static Mono<ServerResponse> page() {
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .cacheControl(CacheControl.noCache())
        .bodyValue(PAGE);
  }

  private static Mono<ServerResponse> serve(Resource resource, MediaType type) {
    return ServerResponse.ok()
        .contentType(type)
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.maxAge(Duration.ZERO).mustRevalidate())
        .bodyValue(resource);
  }
}
