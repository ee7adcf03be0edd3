/**
 * Isodose lines per CT slice (§5, recommended): dose sampled at CT pixel centres, marching-squares
 * iso-lines in pixel and patient coordinates, and the legacy boundary-pixel encoding of {@code
 * rt_isdose}.
 */
package org.rtds.features.dose.isodose;
