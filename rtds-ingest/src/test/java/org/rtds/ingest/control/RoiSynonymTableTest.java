package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The synonym table's format and the checks made when it is read. */
class RoiSynonymTableTest {

  private static RoiSynonymTable read(String text) throws IOException {
    return RoiSynonymTable.read(new StringReader(text), "test.tsv");
  }

  @Test
  void theBundledTableLoadsOnceAndIsLarge() {
    RoiSynonymTable table = RoiSynonymTable.bundled();

    assertThat(RoiSynonymTable.bundled()).isSameAs(table);
    assertThat(table.source()).isEqualTo(RoiSynonymTable.RESOURCE);
    assertThat(table.structureCount()).isGreaterThanOrEqualTo(90);
    assertThat(table.synonymCount()).isGreaterThanOrEqualTo(400);
    assertThat(table.toString()).contains("structures", "synonyms");
  }

  @Test
  void everyBundledStandardNameFollowsTg263Length() {
    for (RoiSynonymTable.Entry entry : RoiSynonymTable.bundled().entries()) {
      if (entry.root() != null) {
        String longest = entry.paired() ? entry.root() + "_L" : entry.root();
        assertThat(longest.length()).as(longest).isLessThanOrEqualTo(16);
        assertThat(longest).doesNotContain(" ");
      }
    }
  }

  @Test
  void readsTheDocumentedFormat() throws IOException {
    RoiSynonymTable table =
        read(
            "# comment\n"
                + "\n"
                + "SpinalCord\tOAR\tCord | Spinal Cord   # trailing comment\n"
                + "Parotid_L/R\tOAR\tParotid | Parotis\n"
                + "-\tOTHER\tIsocenter\n");

    assertThat(table.structureCount()).isEqualTo(3);
    // SpinalCord (itself), Cord, Spinal Cord (same key as SpinalCord), Parotid, Parotis, Isocenter
    assertThat(table.synonymCount()).isEqualTo(5);
    assertThat(table.unsided("cord")).map(RoiSynonymTable.Entry::root).contains("SpinalCord");
    assertThat(table.sided("parotis")).map(RoiSynonymTable.Entry::root).contains("Parotid");
    assertThat(table.unsided("parotid")).isEmpty();
    assertThat(table.unsided("isocenter"))
        .map(RoiSynonymTable.Entry::root)
        .isEqualTo(Optional.empty());
    assertThat(table.unsided("isocenter")).isPresent();
  }

  @Test
  void aClinicTableExtendsTheMappingWithoutCode() throws IOException {
    RoiNameNormalizer local =
        new RoiNameNormalizer(read("Femur_Head_L/R\tOAR\tFemur | Femoral Head\n"));

    assertThat(local.classify("Femur_L", "ORGAN").standardName()).contains("Femur_Head_L");
    assertThat(local.classify("Parotid_L", "ORGAN").standardName()).isEmpty();
    assertThat(local.classify("Parotid_L", "ORGAN").role()).isEqualTo(RoiRole.OAR);
  }

  @Test
  void rejectsASpellingThatMapsToTwoStandardNames() {
    assertThatThrownBy(() -> read("SpinalCord\tOAR\tCord\nCauda\tOAR\tcauda | CORD\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.tsv line 2")
        .hasMessageContaining("\"CORD\"")
        .hasMessageContaining("SpinalCord")
        .hasMessageContaining("line 1");
  }

  @Test
  void rejectsASpellingThatDiffersOnlyInSeparatorsAndCase() {
    assertThatThrownBy(() -> read("Bowel_Small\tOAR\tSmall Bowel\nColon\tOAR\tsmall_bowel\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void acceptsTheSameSpellingTwiceForTheSameStructure() throws IOException {
    assertThat(read("SpinalCord\tOAR\tSpinal Cord | spinal_cord | Cord\n").synonymCount())
        .isEqualTo(2);
  }

  @Test
  void keepsSidedAndUnsidedSpellingsApart() throws IOException {
    RoiSynonymTable table = read("Lung_L/R\tOAR\tLung\nLungs\tOAR\tLung\n");

    assertThat(table.sided("lung")).map(RoiSynonymTable.Entry::root).contains("Lung");
    assertThat(table.unsided("lung")).map(RoiSynonymTable.Entry::root).contains("Lungs");
  }

  @Test
  void rejectsASideInAnUnpairedRow() {
    assertThatThrownBy(() -> read("Heart\tOAR\tHeart L\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("side");
    assertThatThrownBy(() -> read("Lens_L/R\tOAR\tLeft Lens\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("side");
  }

  @Test
  void rejectsSynonymsTheClassifierCouldNeverReach() {
    assertThatThrownBy(() -> read("Heart\tOAR\tHeart Ring\n"))
        .hasMessageContaining("planning helper");
    assertThatThrownBy(() -> read("Heart\tOAR\tzHeart\n")).hasMessageContaining("planning helper");
    assertThatThrownBy(() -> read("Boost\tOTHER\tPTV Boost\n")).hasMessageContaining("target");
    assertThatThrownBy(() -> read("Lungs\tOAR\tLungs-GTV\n")).hasMessageContaining("target");
    assertThatThrownBy(() -> read("SpinalCord\tOAR\tCord PRV\n")).hasMessageContaining("PRV");
    assertThatThrownBy(() -> read("SpinalCord\tOAR\tCord+5mm\n")).hasMessageContaining("PRV");
  }

  @Test
  void rejectsAnUnknownRole() {
    assertThatThrownBy(() -> read("PTV\tPTV\tPTV\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown role \"PTV\"");
  }

  @Test
  void rejectsANameThatIsNotTg263() {
    assertThatThrownBy(() -> read("Femur_Head_Left_Side\tOAR\tFemur\n"))
        .hasMessageContaining("longer than TG-263's 16 characters");
    assertThatThrownBy(() -> read("Spinal Cord\tOAR\tCord\n"))
        .hasMessageContaining("not a TG-263 name");
    assertThatThrownBy(() -> read("Glnd_Submandibular_L/R\tOAR\tSMG\n"))
        .hasMessageContaining("longer than");
  }

  @Test
  void rejectsAMalformedLine() {
    assertThatThrownBy(() -> read("# header\nSpinalCord\tOAR\n"))
        .hasMessageContaining("test.tsv line 2")
        .hasMessageContaining("3 TAB-separated columns");
    assertThatThrownBy(() -> read("SpinalCord OAR Cord\n")).hasMessageContaining("columns");
    assertThatThrownBy(() -> read("-\tOTHER\t |  \n")).hasMessageContaining("no synonyms");
    assertThatThrownBy(() -> read("Heart\tOAR\t---\n"))
        .hasMessageContaining("no letters or digits");
  }

  @Test
  void rejectsAnEmptyTable() {
    assertThatThrownBy(() -> read("# only comments\n\n")).hasMessageContaining("no rows");
  }
}
