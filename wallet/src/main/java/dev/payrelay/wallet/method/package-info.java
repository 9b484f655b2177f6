/**
 * How a buyer's payment is linked to an invoice and how the buyer is asked to make it: the
 * per-invoice payment reference carried by the proxy's event, and EIP-681 payment URIs for each
 * method. Pure: no I/O.
 */
package dev.payrelay.wallet.method;
