/**
 * Reading the decimal number lists the feature tables store as text ({@code rt_dvh.DVHData}, the
 * {@code ovh} and {@code sts} columns): pure Java, stateless, thread-safe.
 */
package org.rtds.features.dose.text;
