package dev.payrelay.gateway.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@link DefaultValue} of a configuration-properties record's component, so commands that run
 * without Spring show the same defaults as the node, from the one place they are declared.
 */
final class PropertyDefaults {
  private PropertyDefaults() {}

  /**
   * @throws IllegalStateException if the record has no such component or it has no default: a
   *     programming error, caught by the tests
   */
  static String[] of(Class<? extends Record> type, String component) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Constructor<?> canonical;
    try {
      canonical = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
    Parameter[] parameters = canonical.getParameters();
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(component)) {
        DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
        if (value == null) {
          throw new IllegalStateException(
              type.getSimpleName() + "." + component + " has no default");
        }
        return value.value();
      }
    }
    throw new IllegalStateException(type.getSimpleName() + " has no component " + component);
  }
}
