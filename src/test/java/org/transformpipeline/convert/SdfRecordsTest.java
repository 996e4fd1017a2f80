package org.transformpipeline.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdfRecordsTest {

  private static final String MOLBLOCK =
      "\n  test\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n"
          + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n";

  @TempDir Path dir;

  private List<SdfRecords.Entry> split(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("x.sdf"), text);
    List<SdfRecords.Entry> entries = new ArrayList<>();
    try (TextLines lines = TextLines.open(file)) {
      SdfRecords records = new SdfRecords(lines);
      for (SdfRecords.Entry e = records.next(); e != null; e = records.next()) {
        entries.add(e);
      }
    }
    return entries;
  }

  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void dataItemsTitlesAndLineNumbers() throws IOException {
    String text =
        "first"
            + MOLBLOCK
            + "> <A>\n1\n\n>  <B> (7)\nline one\nline two\n\n> <empty>\n\n"
            + "stray text between items\n> <A>\nagain\n\n$$$$\n"
            + MOLBLOCK
            + "> <C>\nc\n$$$$\n"
            + "last, no separator"
            + MOLBLOCK
            + "> <D>\nd\n\n\n\n";

    List<SdfRecords.Entry> entries = split(text);

    assertEquals(3, entries.size());
    assertEquals(1, entries.get(0).line());
    assertEquals("first", entries.get(0).title());
    assertEquals(
        map("A", "1\nagain", "B", "line one\nline two", "empty", ""), entries.get(0).properties());
    assertEquals(lineOf(text, "$$$$\n\n  test") + 1, entries.get(1).line());
    assertNull(entries.get(1).title(), "a blank title line");
    assertEquals(map("C", "c"), entries.get(1).properties(), "an item ended by $$$$");
    assertEquals(MOLBLOCK, entries.get(1).molblock());
    assertEquals(lineOf(text, "last, no separator"), entries.get(2).line());
    assertEquals("last, no separator", entries.get(2).title());
    assertEquals(map("D", "d"), entries.get(2).properties());
  }

  /** The 1-based line on which {@code marker} starts in {@code text}. */
  private static long lineOf(String text, String marker) {
    return 1 + text.substring(0, text.indexOf(marker)).chars().filter(c -> c == '\n').count();
  }

  @Test
  void blankLinesAfterTheLastSeparatorAreNoRecord() throws IOException {
    assertEquals(1, split("x" + MOLBLOCK + "$$$$\n\n  \n").size());
    assertEquals(0, split("").size());
  }

  @Test
  void crlfLineEndsReadLikeLf() throws IOException {
    List<SdfRecords.Entry> entries =
        split(("t" + MOLBLOCK + "> <A>\nv\n\n$$$$\n").replace("\n", "\r\n"));
    assertEquals("t", entries.get(0).title());
    assertEquals(map("A", "v"), entries.get(0).properties());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "> <CAT_NO>|CAT_NO",
        ">  <name with spaces>  (12)|name with spaces",
        "> 25  (MD-08974)|25  (MD-08974)",
        ">|property",
        "> <>|property"
      })
  void itemNames(String header, String name) {
    assertEquals(name, SdfRecords.itemName(header));
  }
}
