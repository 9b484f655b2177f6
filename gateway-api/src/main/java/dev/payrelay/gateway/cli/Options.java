package dev.payrelay.gateway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments after a command, split into the options that command knows ({@code --name value} or
 * {@code --name=value}, repeatable), positional values, and, for commands that start the node,
 * everything else ({@code --payrelay.*}, {@code --server.port=…}) passed through untouched.
 */
final class Options {
  private final Map<String, List<String>> known = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();
  private final List<String> passThrough = new ArrayList<>();

  private Options() {}

  /**
   * @param names the command's own options, without {@code --}; each takes one value
   * @param allowPassThrough keep unknown {@code --options} for the node instead of refusing them
   */
  static Options parse(List<String> args, Set<String> names, boolean allowPassThrough) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (arg.startsWith("-") && arg.length() > 1) {
          throw new UsageException("unknown option " + arg);
        }
        options.positional.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      if (!names.contains(name)) {
        if (!allowPassThrough) {
          throw new UsageException("unknown option --" + name);
        }
        options.passThrough.add(arg);
        continue;
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (value.isBlank()) {
        throw new UsageException("--" + name + " needs a value");
      }
      options.known.computeIfAbsent(name, n -> new ArrayList<>()).add(value.strip());
    }
    return options;
  }

  /** Every value given for {@code --name}, in order. */
  List<String> all(String name) {
    return known.getOrDefault(name, List.of());
  }

  /** The one value of {@code --name}, if given; refuses it given twice. */
  Optional<String> single(String name) {
    List<String> values = all(name);
    if (values.size() > 1) {
      throw new UsageException("--" + name + " is given " + values.size() + " times");
    }
    return values.stream().findFirst();
  }

  List<String> positional() {
    return positional;
  }

  List<String> passThrough() {
    return passThrough;
  }
}
