package org.rtds.launcher;

import java.util.Optional;

/**
 * How the application reaches its database: target, credentials and the Hibernate dialect for its
 * product.
 *
 * @param target where
 * @param user database user
 * @param password database password (never logged)
 * @param dialect Hibernate dialect class chosen from the server's product (MariaDB or MySQL)
 * @param version the product's major.minor.patch for Hibernate, when the server's answer has one
 * @param product product and version as the server reports them, for the console
 */
record DatabaseConnection(
    JdbcTarget target,
    String user,
    String password,
    String dialect,
    Optional<String> version,
    String product) {}
