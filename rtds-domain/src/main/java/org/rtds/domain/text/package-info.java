/**
 * Reading the decimal number lists RTDS keeps and receives as text: the feature tables' columns
 * ({@code rt_dvh.DVHData}, the {@code ovh} and {@code sts} columns) and DICOM Decimal String values
 * (Contour Data). One parser for both, so that a value reads the same wherever it is read: pure
 * Java, stateless, thread-safe.
 */
package org.rtds.domain.text;
