package org.rtds.domain.event;

/**
 * The inputs of a study's feature computation changed (an object was stored), and its {@code
 * rtds_feature_job} row was updated in the same transaction.
 *
 * @param studyId {@code studies.id}
 * @param generation the job's requested generation after the change
 * @param readyForFeatures whether the study now has what features need (CT, RT Structure Set, RT
 *     Dose)
 */
public record StudyInputsChanged(int studyId, int generation, boolean readyForFeatures) {}
