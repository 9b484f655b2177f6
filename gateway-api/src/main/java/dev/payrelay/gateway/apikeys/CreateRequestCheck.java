package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.error.ProblemType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a {@code POST /v1/api-keys} body, and that the caller may grant what it asks for. */
final class CreateRequestCheck {

  /** As {@code ApiKey.label} in the contract (the table allows 200). */
  static final int MAX_LABEL_CHARS = 100;

  private CreateRequestCheck() {}

  /**
   * The scopes the new key gets.
   *
   * @throws ApiProblemException {@code validation} (400) naming each bad field, or {@code
   *     insufficient-scope} (403) if the caller lacks one of the scopes
   */
  static Set<Scope> scopes(ApiKeyJson.Create request, Caller caller) {
    List<FieldError> errors = new ArrayList<>();
    String label = request.label();
    if (label == null) {
      errors.add(new FieldError("label", "is required"));
    } else if (label.isBlank()) {
      errors.add(new FieldError("label", "must not be blank"));
    } else if (label.length() > MAX_LABEL_CHARS) {
      errors.add(new FieldError("label", "must be at most " + MAX_LABEL_CHARS + " characters"));
    } else if (label.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("label", "must not contain control characters"));
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    if (request.scopes() == null) {
      errors.add(new FieldError("scopes", "is required"));
    } else if (request.scopes().isEmpty()) {
      errors.add(new FieldError("scopes", "must name at least one scope"));
    } else {
      for (int i = 0; i < request.scopes().size(); i++) {
        String field = "scopes[" + i + "]";
        try {
          if (!scopes.add(Scope.parse(request.scopes().get(i)))) {
            errors.add(new FieldError(field, "is listed twice"));
          }
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError(field, "must be one of " + Scope.known()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblemException.validation(
          errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid",
          errors);
    }
    Set<Scope> missing = EnumSet.copyOf(scopes);
    missing.removeAll(caller.scopes());
    if (!missing.isEmpty()) {
      throw new ApiProblemException(
          ProblemType.FORBIDDEN,
          "A key can only grant scopes its creator holds; this API key lacks "
              + missing.stream().map(Scope::value).collect(Collectors.joining(", ")));
    }
    return scopes;
  }
}
