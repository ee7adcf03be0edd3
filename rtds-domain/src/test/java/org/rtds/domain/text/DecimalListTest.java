package org.rtds.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every value is bit for bit what {@code Double.parseDouble} gives; bad items are named. */
class DecimalListTest {

  private static double[] parse(String text) {
    return DecimalList.parse(
        text, ',', '\\', (i, item) -> new IllegalArgumentException(i + ":'" + item + "'"));
  }

  private static void assertSameAsJdk(String item) {
    double expected = Double.parseDouble(item.strip());
    assertThat(Double.doubleToRawLongBits(parse(item)[0]))
        .as(item)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void randomValuesInEveryNotationTheTablesHoldParseExactlyAsTheJdkDoes() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int n = 0; n < 200_000; n++) {
      double v = Math.scalb(random.nextDouble() - 0.5, random.nextInt(-40, 40));
      int digits = random.nextInt(1, 20);
      BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
      assertSameAsJdk(rounded.toPlainString());
      assertSameAsJdk(rounded.stripTrailingZeros().toPlainString());
      assertSameAsJdk(rounded.toString()); // scientific when the exponent is large
      assertSameAsJdk(Double.toString(v));
      assertSameAsJdk(String.format(Locale.ROOT, "%.6e", v));
    }
  }

  @Test
  void theEdgesOfThePlainDecimalPathParseAsTheJdkDoes() {
    for (String item :
        new String[] {
          "0",
          "-0",
          "+0",
          "0.000",
          "-0.0",
          "1.",
          ".5",
          "-.5",
          "+2.25",
          "007",
          "1e5",
          "1E-5",
          "1e+22",
          "1e23",
          "1e-22",
          "1e-23",
          "999999999999999",
          "9999999999999999",
          "123456789012345678901234567890",
          "0.1000000000000000055511151231257827",
          "9007199254740993",
          "1e0005",
          "1e00005",
          "4.9e-324",
          "1.7976931348623157e308",
          "1e400",
          "Infinity",
          "-Infinity",
          "1d",
          "2f",
          "  3.5  ",
          "\t4\n"
        }) {
      assertSameAsJdk(item);
    }
  }

  @Test
  void listsSplitAtEitherSeparatorAndEmptyTextHasNoItems() {
    assertThat(parse("0.01,12.5\\0.02, 11")).containsExactly(0.01, 12.5, 0.02, 11.0);
    assertThat(parse("")).isEmpty();
    assertThat(parse("   ")).isEmpty();
    assertThat(parse(null)).isEmpty();
    assertThat(parse("1,2\\3")).hasSize(3);
    assertThat(parse("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20")).hasSize(20);
  }

  @Test
  void anItemThatIsNotANumberIsReportedWithItsPositionAndText() {
    assertThatThrownBy(() -> parse("1,2,x3,4")).hasMessage("2:'x3'");
    assertThatThrownBy(() -> parse("1,,2")).hasMessage("1:''");
    assertThatThrownBy(() -> parse("1, ,2")).hasMessage("1:''");
    assertThatThrownBy(() -> parse("1,2,")).hasMessage("2:''");
    assertThatThrownBy(() -> parse("1.2.3")).hasMessage("0:'1.2.3'");
    assertThatThrownBy(() -> parse("1e")).hasMessage("0:'1e'");
    assertThatThrownBy(() -> parse("1e+")).hasMessage("0:'1e+'");
    assertThatThrownBy(() -> parse("-")).hasMessage("0:'-'");
    assertThatThrownBy(() -> parse(".")).hasMessage("0:'.'");
  }

  @Test
  void oneItemParsesAsTheJdkDoesAndRefusesWhatTheJdkRefuses() {
    for (String item : new String[] {"12.5", " -0 ", "1e-7", "0.30000000000000004", "NaN", "1d"}) {
      assertThat(Double.doubleToRawLongBits(DecimalList.parseOne(item)))
          .as(item)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(item.strip())));
    }
    assertThatThrownBy(() -> DecimalList.parseOne("12,5"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> DecimalList.parseOne(" ")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void dicomDecimalStringsTakeTheDsGrammarOnly() {
    double[] values =
        DecimalList.parseDicomDecimals(" 1.5\\-2e3\\+.25 \\7.\\0012345678901234567", bad());
    assertThat(values)
        .containsExactly(1.5, -2000, 0.25, 7, Double.parseDouble("0012345678901234567"));
    for (String notDs : new String[] {"NaN", "Infinity", "0x1p3", "1d", "1f", "1.2.3", "", "e5"}) {
      assertThatThrownBy(() -> DecimalList.parseDicomDecimals("1\\" + notDs + "\\3", bad()))
          .as(notDs)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("1:'" + notDs + "'");
    }
    // the lenient lists of the feature tables take what Double.parseDouble takes
    assertThat(DecimalList.parse("1,NaN", ',', ',', bad())[1]).isNaN();
  }

  private static DecimalList.BadItem bad() {
    return (i, item) -> new IllegalArgumentException(i + ":'" + item + "'");
  }
}
