/**
 * Dose-metric expressions: parser ({@link org.rtds.features.dose.metric.MetricParser}), canonical
 * names (the {@code metric} column of the CLI CSV {@code roi_number,roi_name,metric,value,unit})
 * and evaluation on the exact voxel dose list.
 */
package org.rtds.features.dose.metric;
