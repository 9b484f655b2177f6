/**
 * The settlement protocol's messages and their versioned protobuf encoding, written by hand on
 * {@link dev.payrelay.p2p.core.ProtoWriter} and read strictly with {@link
 * dev.payrelay.p2p.core.ProtoReader}: field 1 is the version everywhere; sizes are bounded by named
 * constants; an unknown version, an unknown field, trailing bytes, a wrong wire type or any
 * non-canonical encoding is a {@link dev.payrelay.settlement.message.MessageFormatException} with a
 * typed reason. See ARCHITECTURE "The settlement network (libp2p)".
 */
package dev.payrelay.settlement.message;
