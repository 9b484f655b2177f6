package dev.payrelay.invoicing.persistence;

import org.springframework.r2dbc.core.DatabaseClient;

/** A statement being bound, where a value may be null (bound as a typed SQL NULL). */
final class Nullable {

  private final DatabaseClient.GenericExecuteSpec spec;

  Nullable(DatabaseClient.GenericExecuteSpec spec) {
    this.spec = spec;
  }

  Nullable bind(String name, Object value) {
    return new Nullable(spec.bind(name, value));
  }

  <T> Nullable bind(String name, T value, Class<T> type) {
    return new Nullable(value == null ? spec.bindNull(name, type) : spec.bind(name, value));
  }

  DatabaseClient.GenericExecuteSpec spec() {
    return spec;
  }
}
