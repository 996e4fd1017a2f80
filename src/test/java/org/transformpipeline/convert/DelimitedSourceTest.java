package org.transformpipeline.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DelimitedSourceTest {

  /** A CSV record and its fields (null for a null field). */
  record Split(String record, List<String> fields) {
    static Split of(String record, String... fields) {
      return new Split(record, Arrays.asList(fields));
    }

    @Override
    public String toString() {
      return record.replace("\n", "\\n");
    }
  }

  static Stream<Split> records() {
    return Stream.of(
        Split.of("a,b,c", "a", "b", "c"),
        Split.of("a,,c", "a", null, "c"),
        Split.of("a,\"\",c", "a", "", "c"),
        Split.of("\"x, y\",z", "x, y", "z"),
        Split.of("\"say \"\"hi\"\"\",2", "say \"hi\"", "2"),
        Split.of(" a , b ", " a ", " b "),
        Split.of("\"two\nlines\",3", "two\nlines", "3"),
        Split.of(",", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void splitsFieldsNullsAndQuotes(Split split) {
    assertEquals(split.fields(), DelimitedSource.split(split.record(), ','));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tsvRecords")
  void tabsSplitTsv(Split split) {
    assertEquals(split.fields(), DelimitedSource.split(split.record(), '\t'));
  }

  static Stream<Split> tsvRecords() {
    return Stream.of(
        Split.of("a\tb", "a", "b"),
        Split.of("\"a\tb\"\tc", "a\tb", "c"),
        Split.of("a,b\t", "a,b", null));
  }
}
