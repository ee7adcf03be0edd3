package org.rtds.testdata;

/**
 * Test bridge to the phantom generator's exact DVH of one shape (package-private in rtds-testdata),
 * for tolerance bands such as V20Gy evaluated at 20 Gy ± the dose tolerance.
 */
public final class PhantomTruth {
  private PhantomTruth() {}

  /**
   * @param shape the object
   * @param options the options the study was written with
   * @return the exact cumulative DVH of the continuous shape in the exact dose
   */
  public static AnalyticDvh of(PhantomStudy.Shape shape, PhantomStudy.Options options) {
    return PhantomStudy.analytic(shape, options);
  }
}
