package dev.payrelay.invoicing.email;

/** An email's subject and its two bodies, the same content as plain text and as HTML. */
record ComposedEmail(String subject, String text, String html) {}
