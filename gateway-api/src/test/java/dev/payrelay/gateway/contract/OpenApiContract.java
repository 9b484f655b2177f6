package dev.payrelay.gateway.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * openapi/openapi.yaml of the checkout (system property {@code payrelay.root}), read once: its
 * paths matched against concrete request paths, and its schemas compiled as JSON Schema 2020-12
 * with the OpenAPI 3.1 dialect (format assertions on), {@code $ref}s resolved within the file.
 */
public final class OpenApiContract {

  /** The identifier the schemas know the file by; never fetched: the file's text is registered. */
  private static final String IRI = "https://payrelay.invalid/openapi.yaml";

  private static volatile OpenApiContract shared;

  private final Path file;
  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<PathTemplate> paths = new ArrayList<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(Path file) {
    this.file = file;
    this.document = YAMLMapper.builder().build().readTree(file.toFile());
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            b ->
                b.schemas(Map.of(IRI, read(file)))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    document.get("paths").properties().forEach(e -> paths.add(PathTemplate.of(e.getKey())));
    paths.sort(Comparator.comparingInt(PathTemplate::variables).thenComparing(PathTemplate::raw));
  }

  /** The contract of this checkout, loaded once per test JVM. */
  public static OpenApiContract shared() {
    OpenApiContract contract = shared;
    if (contract == null) {
      synchronized (OpenApiContract.class) {
        if (shared == null) {
          shared = new OpenApiContract(locate());
        }
        contract = shared;
      }
    }
    return contract;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The contract in {@code file}, e.g. a variant written by a test. */
  static OpenApiContract of(Path file) {
    return new OpenApiContract(file);
  }

  static Path locate() {
    String root = System.getProperty("payrelay.root");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("openapi/openapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "openapi/openapi.yaml not found from " + start + " (set -Dpayrelay.root=<checkout>)");
  }

  public Path file() {
    return file;
  }

  public JsonNode document() {
    return document;
  }

  /** The path template matching {@code path} (without query), e.g. {@code /v1/invoices/{id}}. */
  public Optional<String> template(String path) {
    return paths.stream().filter(t -> t.matches(path)).map(PathTemplate::raw).findFirst();
  }

  /** The node at an RFC 6901 JSON pointer such as {@code /components/schemas/Money}. */
  public JsonNode at(String pointer) {
    return document.at(pointer);
  }

  /** Validates {@code value} against the schema at {@code pointer}; the problems found, if any. */
  public List<String> validate(String pointer, JsonNode value) {
    Schema schema = schemas.computeIfAbsent(pointer, this::compile);
    return schema.validate(value).stream()
        .map(e -> (e.getInstanceLocation() + " " + e.getMessage()).strip())
        .toList();
  }

  /** Compiles the schema at {@code pointer}, resolving every {@code $ref} it reaches. */
  Schema compile(String pointer) {
    Schema schema = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer));
    schema.initializeValidators();
    return schema;
  }

  /** RFC 6901 escaping of one pointer segment: {@code /v1/node} → {@code ~1v1~1node}. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** A path of the contract, as a pattern over concrete paths. */
  private record PathTemplate(String raw, Pattern pattern, int variables) {

    static PathTemplate of(String raw) {
      StringBuilder regex = new StringBuilder("^");
      int variables = 0;
      for (String part : raw.split("(?=\\{)|(?<=\\})")) {
        if (part.startsWith("{")) {
          regex.append("[^/]+");
          variables++;
        } else {
          regex.append(Pattern.quote(part));
        }
      }
      return new PathTemplate(raw, Pattern.compile(regex.append('$').toString()), variables);
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }
}
