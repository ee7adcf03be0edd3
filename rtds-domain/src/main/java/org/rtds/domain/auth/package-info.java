/**
 * Accounts, groups and permissions: the Django {@code auth_*} tables and {@code
 * userprofile_userprofile}, shared with the legacy Django application.
 *
 * <p>Promises: the tables are mapped as Django 1.11 creates them, so RTDS and the legacy
 * application can use the same accounts; passwords are Django password strings, never clear text;
 * group names are the security roles ({@link
 * org.rtds.domain.auth.AuthUserGroup#FIND_GROUP_NAMES_BY_USER}). Read-mostly: accounts are created
 * by the administration screens and the first-start set-up only.
 */
package org.rtds.domain.auth;
