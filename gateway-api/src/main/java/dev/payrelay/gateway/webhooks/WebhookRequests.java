package dev.payrelay.gateway.webhooks;

import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks the bodies of {@code POST} and {@code PATCH /v1/webhooks}, field by field. */
final class WebhookRequests {

  /** As {@code Webhook.description} in the contract. */
  static final int MAX_DESCRIPTION_CHARS = 200;

  private WebhookRequests() {}

  /** A create request with its URL parsed. */
  record Checked(URI url, List<String> eventTypes, String description, boolean enabled) {}

  static Checked create(WebhookJson.Create request) {
    List<FieldError> errors = new ArrayList<>();
    URI url = url(request.url(), errors);
    List<String> types = eventTypes(request.eventTypes(), errors);
    String description = description(request.description(), errors);
    throwIfAny(errors);
    return new Checked(
        url,
        types,
        description == null ? "" : description,
        !Boolean.FALSE.equals(request.enabled()));
  }

  static WebhookEndpoints.Change update(WebhookJson.Update request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.url() == null
        && request.eventTypes() == null
        && request.description() == null
        && request.enabled() == null) {
      errors.add(new FieldError("body", "must change at least one field"));
    }
    URI url = request.url() == null ? null : url(request.url(), errors);
    List<String> types =
        request.eventTypes() == null ? null : eventTypes(request.eventTypes(), errors);
    String description = description(request.description(), errors);
    throwIfAny(errors);
    return new WebhookEndpoints.Change(
        url == null ? null : url.toString(), description, types, request.enabled());
  }

  static UUID webhookId(String text) {
    return uuid(text, "webhookId", "webhook");
  }

  static UUID uuid(String text, String field, String what) {
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiProblemException.validation(
        "The " + what + " id is not a UUID", List.of(new FieldError(field, "must be a UUID")));
  }

  /** The validation problem for a URL the guard refused. */
  static ApiProblemException refused(TargetGuard.Refused refused) {
    return ApiProblemException.invalidField("url", refused.getMessage());
  }

  private static URI url(String text, List<FieldError> errors) {
    try {
      return TargetGuard.parse(text);
    } catch (TargetGuard.Refused e) {
      errors.add(new FieldError("url", e.getMessage()));
      return null;
    }
  }

  private static List<String> eventTypes(List<String> requested, List<FieldError> errors) {
    if (requested == null) {
      errors.add(new FieldError("eventTypes", "is required"));
      return List.of();
    }
    if (requested.isEmpty()) {
      errors.add(new FieldError("eventTypes", "must name at least one event type"));
      return List.of();
    }
    Set<String> types = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      String type = requested.get(i);
      String field = "eventTypes[" + i + "]";
      if (!WebhookEventTypes.ALL.contains(type)) {
        errors.add(new FieldError(field, "must be one of " + WebhookEventTypes.KNOWN));
      } else if (!types.add(type)) {
        errors.add(new FieldError(field, "is listed twice"));
      }
    }
    return List.copyOf(types);
  }

  private static String description(String description, List<FieldError> errors) {
    if (description == null) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION_CHARS) {
      errors.add(
          new FieldError(
              "description", "must be at most " + MAX_DESCRIPTION_CHARS + " characters"));
    } else if (description.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("description", "must not contain control characters"));
    }
    return description;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblemException.validation(
          errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid",
          errors);
    }
  }
}
