package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ROI name standardisation (docs/algorithms.md §7 item 5) against real-world spellings from head
 * and neck, brain, lung, abdomen and prostate plans, and against the committed fixtures' ROI names.
 */
class RoiNameNormalizerTest {

  private static final String SPELLINGS = "/org/rtds/ingest/control/roi-names.csv";

  private static final RoiNameNormalizer NORMALIZER = RoiNameNormalizer.standard();

  @ParameterizedTest(name = "[{index}] \"{0}\" ({1}) -> {2} {3} {4}")
  @CsvFileSource(resources = SPELLINGS, numLinesToSkip = 1)
  void classifiesRealWorldSpellings(
      String name, String interpretedType, String standardName, RoiRole role, BigDecimal doseGy) {
    RoiClassification result = NORMALIZER.classify(name, interpretedType);

    assertThat(result.originalName()).isEqualTo(name);
    assertThat(result.standardName())
        .as(result.matchedRule())
        .isEqualTo(Optional.ofNullable(standardName));
    assertThat(result.role()).as(result.matchedRule()).isEqualTo(role);
    if (doseGy == null) {
      assertThat(result.doseGy()).as(result.matchedRule()).isEmpty();
    } else {
      assertThat(result.doseGy())
          .as(result.matchedRule())
          .hasValueSatisfying(dose -> assertThat(dose).isEqualByComparingTo(doseGy));
    }
    assertThat(result.matchedRule()).isNotBlank();
  }

  @Test
  void theSpellingTableIsBroad() throws IOException {
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream(SPELLINGS);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows++;
        }
      }
    }
    assertThat(rows - 1).as("spellings, without the header").isGreaterThanOrEqualTo(120);
  }

  @Test
  void doseLevelsKeepTheirWrittenPrecision() {
    assertThat(dose("PTV_7000")).isEqualTo(new BigDecimal("70.00"));
    assertThat(dose("PTV70")).isEqualTo(new BigDecimal("70"));
    assertThat(dose("PTV_54.25")).isEqualTo(new BigDecimal("54.25"));
    assertThat(NORMALIZER.classify("PTV_High", null).doseGy()).isEmpty();
  }

  @Test
  void theRuleExplainsTheDoseUnit() {
    assertThat(NORMALIZER.classify("PTV_7000", null).matchedRule()).contains("cGy");
    assertThat(NORMALIZER.classify("PTV70", null).matchedRule()).contains("read as Gy");
    assertThat(NORMALIZER.classify("PTV_70_63", null).matchedRule()).contains("two");
  }

  @Test
  void theRuleNamesTheSynonymTableLineAndTheSide() {
    RoiClassification result = NORMALIZER.classify("Lt Parotid", null);

    assertThat(result.matchedRule())
        .contains("synonym table line", "Parotid_L/R", "side L", "\"lt\"");
  }

  @Test
  void aContradictingInterpretedTypeIsRecordedButTheNameWins() {
    RoiClassification result = NORMALIZER.classify("PTV_opt", "PTV");

    assertThat(result.role()).isEqualTo(RoiRole.OTHER);
    assertThat(result.matchedRule()).contains("PTV disagrees, the name wins");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "  \n ", "\u00a0", "\u2003"})
  void rejectsAMissingOrBlankName(String name) {
    assertThatThrownBy(() -> NORMALIZER.classify(name, "ORGAN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ROI name is")
        .hasMessageContaining("ROI Name (3006,0026)");
  }

  @Test
  void keepsANameWithoutLettersAsIs() {
    RoiClassification result = NORMALIZER.classify("---", null);

    assertThat(result.originalName()).isEqualTo("---");
    assertThat(result.standardName()).isEmpty();
    assertThat(result.role()).isEqualTo(RoiRole.OTHER);
  }

  @Test
  void keepsTheOriginalNameExactly() {
    String name = "  Lt Parotid (rev 2) ";

    assertThat(NORMALIZER.classify(name, null).originalName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Parotid_L",
        "Parotid_R",
        "Spinal_Cord",
        "Brain_Stem",
        "Femur_Head_R",
        "Bowel_Small",
        "Glnd_Submand_L",
        "Optic_Nerve_R",
        "Lung_Total",
        "Couch_Surface",
        "Seminal_Vesicles",
        "Cord_PRV5",
        "Parotid_L_PRV_5mm",
        "PTV_7000",
        "PTVn_5600",
        "CTV_High",
        "GTV_N1",
        "z_ring",
        "Isocenter_1"
      })
  void caseAndSeparatorsDoNotMatter(String name) {
    RoiClassification reference = NORMALIZER.classify(name, null);
    List<String> variants =
        List.of(
            name.toUpperCase(Locale.ROOT),
            name.toLowerCase(Locale.ROOT),
            name.replace("_", " "),
            name.replace("_", "-"),
            name.replace("_", "."),
            name.replace("_", " _ "),
            name.replace("_", "__"),
            " " + name + " ");
    for (String variant : variants) {
      RoiClassification result = NORMALIZER.classify(variant, null);
      assertThat(result.standardName())
          .as(variant + ": " + result.matchedRule())
          .isEqualTo(reference.standardName());
      assertThat(result.role()).as(variant).isEqualTo(reference.role());
      assertThat(result.doseGy().map(BigDecimal::stripTrailingZeros))
          .as(variant)
          .isEqualTo(reference.doseGy().map(BigDecimal::stripTrailingZeros));
    }
  }

  @Test
  void everySynonymInTheTableMapsToItsRowAndToNothingElse() {
    RoiSynonymTable table = NORMALIZER.table();
    Map<String, Set<String>> standardNamesByKey = new HashMap<>();
    for (RoiSynonymTable.Synonym synonym : table.synonyms()) {
      RoiSynonymTable.Entry entry = synonym.entry();
      RoiRole role = entry.role().defaultRole();
      if (entry.paired()) {
        expect(
            synonym.written() + " L", Optional.of(entry.root() + "_L"), role, standardNamesByKey);
        expect(
            "Rt " + synonym.written(), Optional.of(entry.root() + "_R"), role, standardNamesByKey);
      } else {
        expect(synonym.written(), Optional.ofNullable(entry.root()), role, standardNamesByKey);
      }
    }
    standardNamesByKey.forEach(
        (key, names) -> assertThat(names).as("standard names of spelling key " + key).hasSize(1));
    assertThat(standardNamesByKey).hasSizeGreaterThanOrEqualTo(table.synonymCount());
  }

  private static void expect(
      String name, Optional<String> standardName, RoiRole role, Map<String, Set<String>> byKey) {
    RoiClassification result = NORMALIZER.classify(name, null);
    assertThat(result.standardName())
        .as(name + ": " + result.matchedRule())
        .isEqualTo(standardName);
    assertThat(result.role()).as(name + ": " + result.matchedRule()).isEqualTo(role);
    String key = RoiNames.key(RoiNames.words(name)) + (name.startsWith("Rt ") ? "#R" : "");
    byKey.computeIfAbsent(key, k -> new TreeSet<>()).add(result.standardName().orElse("(none)"));
  }

  @Test
  void isDeterministic() {
    for (String name : List.of("Lt Parotid", "PTV_7000", "cord+5mm", "Cyl_Par", "z_ring")) {
      assertThat(NORMALIZER.classify(name, "ORGAN")).isEqualTo(NORMALIZER.classify(name, "ORGAN"));
    }
  }

  @Test
  void theStandardNormalizerIsCreatedOnce() {
    assertThat(RoiNameNormalizer.standard()).isSameAs(RoiNameNormalizer.standard());
    assertThat(RoiNameNormalizer.standard().table()).isSameAs(RoiSynonymTable.bundled());
  }

  @Test
  void onlyATargetCarriesADose() {
    assertThatThrownBy(
            () ->
                new RoiClassification(
                    "Cord",
                    Optional.of("SpinalCord"),
                    RoiRole.OAR,
                    "test",
                    Optional.of(BigDecimal.TEN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RoiRole.PTV.isTarget()).isTrue();
    assertThat(RoiRole.ITV.isTarget()).isTrue();
    assertThat(RoiRole.OAR.isTarget()).isFalse();
    assertThat(RoiRole.EXTERNAL.isTarget()).isFalse();
    assertThat(RoiRole.OTHER.isTarget()).isFalse();
  }

  private static BigDecimal dose(String name) {
    return NORMALIZER.classify(name, null).doseGy().orElseThrow();
  }
}
