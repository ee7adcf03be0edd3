package org.rtds.domain.event;

/**
 * A study's features were computed and stored (fired inside the storing transaction).
 *
 * @param studyId {@code studies.id}
 * @param generation the input generation that was computed
 */
public record FeaturesComputed(int studyId, int generation) {}
