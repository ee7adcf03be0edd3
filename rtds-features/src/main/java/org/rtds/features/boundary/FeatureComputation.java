package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
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
    long start = System.nanoTime();
    Inputs inputs = new StudyDoseInputs(em).load(claim.studyId());
    long loaded = System.nanoTime();
    DoseFeatureWriter.Stored dose = new DoseFeatureWriter(em, DvhOptions.DEFAULT).store(inputs);
    long doseDone = System.nanoTime();
    String geometry =
        new GeometryFeatureWriter(em, StudyGeometryFeatures.Options.DEFAULT)
            .store(inputs, dose.dvhs());
    long geometryDone = System.nanoTime();
    String similarity =
        new SimilarityWriter(em, knowledgeIndex.signatures(), knowledgeIndex::refresh)
            .store(claim.studyId());
    long similarityDone = System.nanoTime();
    String summary = dose.summary() + "; " + geometry + "; " + similarity;
    new FeatureJobs(em, Clock.systemUTC()).finish(claim, FeatureJobStatus.DONE, summary);
    computed.fire(new FeaturesComputed(claim.studyId(), claim.generation()));
    // where a study's time goes (bench/ingest-bench.sh prints it); the commit follows
    LOG.log(
        Level.INFO,
        "Features of study {0} steps: inputs {1} ms, DVHs and isodoses {2} ms, OVH and STS {3} ms,"
            + " similarity {4} ms",
        claim.studyId(),
        (loaded - start) / 1_000_000,
        (doseDone - loaded) / 1_000_000,
        (geometryDone - doseDone) / 1_000_000,
        (similarityDone - geometryDone) / 1_000_000);
    return summary;
  }

  private static final Logger LOG = System.getLogger(FeatureComputation.class.getName());
}
