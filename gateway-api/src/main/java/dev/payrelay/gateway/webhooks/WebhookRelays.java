package dev.payrelay.gateway.webhooks;

/** Placeholder until the outbox relay lands. */
class WebhookRelays {

  void wakeDelivery() {}
}
