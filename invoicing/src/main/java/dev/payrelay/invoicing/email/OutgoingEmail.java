package dev.payrelay.invoicing.email;

import java.util.Optional;

/**
 * One email as it leaves the node: multipart/alternative, plain text then HTML.
 *
 * @param messageId the Message-ID's value without angle brackets ({@code id@domain}): the same for
 *     every attempt, so a receiver can tell a retry after an uncertain send from a new email
 */
record OutgoingEmail(
    String messageId,
    String fromAddress,
    String fromName,
    Optional<String> replyTo,
    String to,
    String subject,
    String text,
    String html) {}
