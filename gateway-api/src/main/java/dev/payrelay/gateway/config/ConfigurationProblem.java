package dev.payrelay.gateway.config;

/**
 * Marks an exception whose message alone tells an operator which property is wrong and why; {@link
 * ConfigurationFailureAnalyzer} prints it as the one sentence of a failed start.
 */
public interface ConfigurationProblem {}
