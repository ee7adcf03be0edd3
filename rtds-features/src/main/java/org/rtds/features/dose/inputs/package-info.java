/**
 * One input assembly for the server and the command line: which CT geometry, which RT Dose(s) and
 * which prescription the dose calculators (and later the geometry features) use for a study. Both
 * the server ({@code org.rtds.features.control.StudyDoseInputs}, from the dsrt tables) and {@code
 * ./rtds dvh} (from DICOM files) describe what they found with the plain records of this package
 * and let it decide, so the two can never disagree on the dose of a study.
 *
 * <ul>
 *   <li>{@link org.rtds.features.dose.inputs.DicomNumbers}: backslash-separated decimal strings.
 *   <li>{@link org.rtds.features.dose.inputs.CtGeometry}: the CT sampling grid from slice headers.
 *   <li>{@link org.rtds.features.dose.inputs.DoseChoice}: which RT Doses make the total dose, and
 *       the factor from their units to Gy.
 * </ul>
 */
package org.rtds.features.dose.inputs;
