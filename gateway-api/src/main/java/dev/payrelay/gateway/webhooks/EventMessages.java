package dev.payrelay.gateway.webhooks;

/**
 * How an event row of the outbox (channel {@code webhook}) becomes the JSON merchants get, schema
 * {@code WebhookEvent} of the contract: {@code {"id", "type", "timestamp", "data"}}, with {@code
 * data} the row's versioned payload. Built in SQL, so webhooks and the event stream say exactly the
 * same.
 */
public final class EventMessages {

  private EventMessages() {}

  /** A JSONB expression of the message of the outbox row aliased {@code row}. */
  public static String jsonb(String row) {
    return "jsonb_build_object('id', "
        + row
        + ".event_id, 'type', "
        + row
        + ".event_type, 'timestamp', to_char("
        + row
        + ".created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 'data', "
        + row
        + ".payload)";
  }
}
