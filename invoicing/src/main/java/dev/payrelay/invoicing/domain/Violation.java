package dev.payrelay.invoicing.domain;

/**
 * One rule an input breaks, e.g. {@code lineItems[2].quantity}: "must be greater than 0".
 *
 * @param field the path of the offending field, dotted, with [i] for list elements
 */
public record Violation(String field, String message) {}
