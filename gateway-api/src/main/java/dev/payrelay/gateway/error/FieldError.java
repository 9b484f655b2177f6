package dev.payrelay.gateway.error;

/**
 * One problem with one field of a request, e.g. {@code lineItems[2].quantity}: "must be greater
 * than 0".
 *
 * @param field the JSON path of the field, dotted, with [i] for array elements ({@code
 *     lineItems[2].quantity}); or the name of a query or path parameter or header; or empty for the
 *     body as a whole
 */
public record FieldError(String field, String message) {}
