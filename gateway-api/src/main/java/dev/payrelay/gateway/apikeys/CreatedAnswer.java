package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.auth.ApiKeyToken;
import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.ProblemType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The creation answer as kept for replay carries the new key {@link SealedSecret sealed}; this
 * opens it for the client. First answer and replays go through the same steps from the same kept
 * text, so they are identical.
 */
@Component
class CreatedAnswer {

  private static final String KEY_FIELD = "key";

  private final JsonMapper json;

  CreatedAnswer(JsonMapper json) {
    this.json = json;
  }

  SealedSecret seal(ApiKeyToken creator, Caller caller, String idempotencyKey) {
    return new SealedSecret(
        creator, caller.storeId() + "\n" + (idempotencyKey == null ? "" : idempotencyKey));
  }

  ResponseEntity<String> open(ResponseEntity<String> answer, SealedSecret seal) {
    if (answer.getBody() == null) {
      return answer;
    }
    JsonNode body = json.readTree(answer.getBody());
    if (!(body instanceof ObjectNode object) || !body.path(KEY_FIELD).isString()) {
      return answer;
    }
    String secret =
        seal.open(object.get(KEY_FIELD).asString())
            .orElseThrow(
                () ->
                    new ApiProblemException(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key created an API key for another API key; only the"
                            + " key that created it can get its answer again"));
    object.put(KEY_FIELD, secret);
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .body(json.writeValueAsString(object));
  }
}
