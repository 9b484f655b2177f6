package dev.payrelay.gateway.database;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * Ties the embedded PostgreSQL to the application context: it is registered as the context's first
 * disposable bean, so it is stopped last, after the web server has drained its requests and the
 * connection pool has closed. A node can so be stopped and started again in one JVM, and the server
 * never outlives the node it belongs to.
 */
public class EmbeddedDatabaseShutdown implements ApplicationListener<ApplicationPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableApplicationContext context = event.getApplicationContext();
    PropertySource<?> source =
        context.getEnvironment().getPropertySources().get(EmbeddedDatabasePropertySource.NAME);
    if (source instanceof EmbeddedDatabasePropertySource embedded
        && context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(EmbeddedDatabasePropertySource.NAME, embedded::stop);
    }
  }
}
