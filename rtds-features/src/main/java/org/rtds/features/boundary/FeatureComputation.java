package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.rtds.domain.event.FeaturesComputed;
import org.rtds.domain.feature.FeatureJobStatus;
import org.rtds.features.control.DoseFeatureWriter;
import org.rtds.features.control.FeatureJobs;
import org.rtds.features.control.FeatureJobs.Claim;
import org.rtds.features.control.GeometryFeatureWriter;
import org.rtds.features.control.SimilarityWriter;
import org.rtds.features.control.StudyDoseInputs;
import org.rtds.features.control.StudyDoseInputs.Inputs;
import org.rtds.features.dose.dvh.DvhOptions;
import org.rtds.features.knowledge.StudyGeometryFeatures;

/**
 * One run of a study's feature computation: reads its inputs, computes, stores the results and
 * marks the job DONE, all in one transaction, so the results and the status never disagree.
 */
@ApplicationScoped
public class FeatureComputation {

  @PersistenceContext EntityManager em;

  @Inject Event<FeaturesComputed> computed;

  @Inject KnowledgeIndex knowledgeIndex;

  /**
   * @throws MissingInputException when an input is missing (nothing is stored; the caller records
   *     it)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public String run(Claim claim) {
    Inputs inputs = new StudyDoseInputs(em).load(claim.studyId());
    DoseFeatureWriter.Stored dose = new DoseFeatureWriter(em, DvhOptions.DEFAULT).store(inputs);
    String geometry =
        new GeometryFeatureWriter(em, StudyGeometryFeatures.Options.DEFAULT)
            .store(inputs, dose.dvhs());
    String similarity =
        new SimilarityWriter(em, knowledgeIndex.signatures(), knowledgeIndex::refresh)
            .store(claim.studyId());
    String summary = dose.summary() + "; " + geometry + "; " + similarity;
    new FeatureJobs(em, Clock.systemUTC()).finish(claim, FeatureJobStatus.DONE, summary);
    computed.fire(new FeaturesComputed(claim.studyId(), claim.generation()));
    return summary;
  }
}
