package dev.payrelay.gateway.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One PostgreSQL database as both drivers want it: a JDBC URL for Flyway and an R2DBC URL for the
 * application, with the credentials kept apart so they never appear in logs.
 */
record DatabaseUrl(String host, int port, String database, String username, String password) {

  static final int DEFAULT_PORT = 5432;

  String jdbcUrl() {
    return "jdbc:postgresql://" + hostAndPort() + "/" + database;
  }

  String r2dbcUrl() {
    return "r2dbc:postgresql://" + hostAndPort() + "/" + database;
  }

  /** What logs and error messages show: no credentials. */
  String display() {
    return "postgresql://" + hostAndPort() + "/" + database;
  }

  private String hostAndPort() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return h + ":" + port;
  }

  DatabaseUrl withCredentials(String user, String pass) {
    return new DatabaseUrl(
        host,
        port,
        database,
        user == null || user.isBlank() ? username : user,
        pass == null ? password : pass);
  }

  /**
   * Parses {@code postgresql://[user[:password]@]host[:port]/database}, also with a {@code jdbc:}
   * or {@code r2dbc:} prefix or the {@code postgres://} scheme. Query parameters are not carried
   * over.
   *
   * @param property the property the value came from, named in the error
   */
  static DatabaseUrl parse(String value, String property) {
    String text = value.strip();
    String bare = text;
    for (String prefix : new String[] {"jdbc:", "r2dbc:"}) {
      if (bare.startsWith(prefix)) {
        bare = bare.substring(prefix.length());
      }
    }
    URI uri;
    try {
      uri = new URI(bare);
    } catch (URISyntaxException e) {
      throw invalid(property, value, "it is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw invalid(property, value, "the scheme must be postgresql");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(property, value, "it names no host");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (!database.matches("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}")) {
      throw invalid(property, value, "it names no valid database after the host");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    return new DatabaseUrl(host, port, database, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static InvalidDatabaseConfigurationException invalid(
      String property, String value, String why) {
    return new InvalidDatabaseConfigurationException(
        property
            + " is not a usable PostgreSQL URL: "
            + why
            + ". Expected postgresql://user:password@host:5432/database, got '"
            + redact(value)
            + "'.");
  }

  /** Hides a password between {@code :} and {@code @} in a URL someone typed. */
  static String redact(String url) {
    return url.replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
  }
}
