package dev.payrelay.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps HTTP/1.1 keep-alive connections answering under load, working around a Reactor Netty server
 * bug (1.3.6, the version Spring Boot 4.1.0 brings; reactor/reactor-netty#4361, fixed by #4347
 * after 1.3.7).
 *
 * <p>The bug: a client sends its next request on a kept-alive connection as soon as it has the
 * previous answer. If that request arrives before the server has terminated the previous exchange,
 * Reactor Netty buffers it; when the buffered request is then answered synchronously (our 401 for a
 * request without a key is answered before anything asynchronous happens), the connection is never
 * read again. The request after it gets no answer, ever, and the client waits for its own timeout.
 * The window is small and opens when the CPU is busy: the scope-matrix tests (an answer from the
 * database, then a 401, then a 403) lost one request to it in about one full test run in three, and
 * a production client reusing its connection would too.
 *
 * <p>With {@value #LAST_FLUSH_WHEN_NO_READ} set, Reactor Netty terminates the previous exchange
 * (whose last packet is already sent) when the next request arrives, instead of buffering that
 * request, so the connection keeps reading. The property is read once per JVM, when the first HTTP
 * connection is accepted, so it is set here, while the server is being built. An operator who sets
 * it explicitly keeps their value. Pipelined requests (sent before the previous answer came) can
 * still meet the bug; no client of this API pipelines. Remove this class once Reactor Netty carries
 * the fix.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveConfiguration {

  /** The Reactor Netty system property (read by {@code HttpTrafficHandler}). */
  static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

  private static final Logger log = LoggerFactory.getLogger(KeepAliveConfiguration.class);

  @Bean
  NettyServerCustomizer keepAliveReads() {
    if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
      System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
    } else {
      log.info(
          "{}={} as configured",
          LAST_FLUSH_WHEN_NO_READ,
          System.getProperty(LAST_FLUSH_WHEN_NO_READ));
    }
    return server -> server;
  }
}
