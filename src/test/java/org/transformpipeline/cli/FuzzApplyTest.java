package org.transformpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.RunSummary;
import org.transformpipeline.pipeline.SummaryReport;

/**
 * Random and mutated SMILES through {@code apply} with the real enumerator: the run ends (no hang),
 * exits 0, and every row is accounted for (with products, no site, or in the rejects file).
 */
class FuzzApplyTest {

  private static final String SMILES_CHARS = "CNOSPFIBrclnosp()[]=#@+-\\/123456789%.*:$Hh";

  @TempDir Path dir;

  /** Mutations of the NCI 5K SMILES, and some strings made from nothing. */
  static List<String> fuzzedSmiles(int n, long seed) throws IOException {
    List<String> real = new ArrayList<>();
    for (String line : Files.readAllLines(Libraries.NCI_5K)) {
      String smiles = line.split("\t", 2)[0].strip();
      if (!smiles.isEmpty()) {
        real.add(smiles);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String s = real.get(random.nextInt(real.size()));
      int mutations = 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 2);
      for (int m = 0; m < mutations; m++) {
        s = mutate(s, random);
      }
      out.add(s);
    }
    return out;
  }

  private static String mutate(String s, SplittableRandom random) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    String head = s.substring(0, at);
    String tail = s.substring(at);
    switch (random.nextInt(14)) {
      case 0: // delete a character
        return tail.isEmpty() ? head : head + tail.substring(1);
      case 1: // insert a SMILES character
        return head + SMILES_CHARS.charAt(random.nextInt(SMILES_CHARS.length())) + tail;
      case 2: // swap two neighbours
        return tail.length() < 2 ? s : head + tail.charAt(1) + tail.charAt(0) + tail.substring(2);
      case 3: // a stray bracket
        return head + (random.nextBoolean() ? "[" : "]") + tail;
      case 4: // a ring digit
        return head + (char) ('0' + random.nextInt(10)) + tail;
      case 5: // stereo marks
        return head + (random.nextBoolean() ? "@" : "@@") + tail;
      case 6: // bond directions
        return head + (random.nextBoolean() ? "/" : "\\") + tail;
      case 7: // huge ring numbers
        return head
            + (random.nextBoolean() ? "%99" : "%(" + random.nextInt(1_000_000) + ")")
            + tail;
      case 8: // a very long chain
        return head + "C".repeat(random.nextInt(20_000)) + tail;
      case 9: // a fragment repeated many times
        return s.length() > 40 ? s : s.repeat(1 + random.nextInt(200));
      case 10: // any Unicode (valid code points, including outside the BMP)
        int cp = random.nextInt(0x10FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0x1F600;
        }
        return head + new String(Character.toChars(cp)) + tail;
      case 11: // empty, or blank
        return random.nextBoolean() ? "" : " \t ";
      case 12: // a charged, isotopic, bracketed atom with odd counts
        return head
            + "["
            + random.nextInt(300)
            + "C@@H"
            + random.nextInt(12)
            + "+"
            + random.nextInt(20)
            + ":"
            + random.nextInt(5)
            + "]"
            + tail;
      default: // random characters
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(60); k > 0; k--) {
          b.append(SMILES_CHARS.charAt(random.nextInt(SMILES_CHARS.length())));
        }
        return b.toString();
    }
  }

  private void fuzz(int n, long seed, Duration watchdog) throws Exception {
    List<String> smiles = fuzzedSmiles(n, seed);
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < smiles.size(); i++) {
      cells.add(smiles.get(i));
      cells.add("f" + i);
    }
    Path input = Libraries.withRows(dir.resolve("fuzz.parquet"), cells);
    Path output = dir.resolve("fuzz-products.parquet");

    CliRuns.Run run =
        assertTimeoutPreemptively(
            watchdog,
            () ->
                CliRuns.apply(
                    "--input",
                    input.toString(),
                    "--output",
                    output.toString(),
                    "--batch-size",
                    "500",
                    "--workers",
                    "2",
                    "--dedup",
                    "exact",
                    "--quiet"));

    assertEquals(0, run.exit(), run.err());
    RunSummary summary = SummaryReport.readJson(dir.resolve("fuzz-products.parquet.summary.json"));
    assertEquals(List.of(), summary.identityViolations());
    assertEquals(n, summary.rows().read());
    Path rejects = dir.resolve("fuzz-products.parquet.rejects.parquet");
    assertEquals(
        List.of(summary.rows().rejected() + " | " + summary.products().rejected()),
        Libraries.query(
            "SELECT count(*) FILTER (WHERE transform IS NULL),"
                + " count(*) FILTER (WHERE transform IS NOT NULL) FROM '"
                + rejects
                + "'"));
    // every rejected row is there once, under its own row number: no row twice, none missing
    // (a duplicate and a missing row would keep the count), with its id and its SMILES exactly
    // as in the input row of that number
    String rejectedRows = "(SELECT * FROM '" + rejects + "' WHERE transform IS NULL)";
    String inputRows = "read_parquet('" + input + "', file_row_number = true)";
    assertEquals(
        List.of(summary.rows().rejected() + " | " + summary.rows().rejected()),
        Libraries.query("SELECT count(DISTINCT row_number), count(*) FROM " + rejectedRows));
    assertEquals(
        List.of(summary.rows().rejected() + " | 0"),
        Libraries.query(
            "SELECT count(*), count(*) FILTER (WHERE r.id IS DISTINCT FROM i.id"
                + " OR r.id IS DISTINCT FROM 'f' || r.row_number"
                + " OR r.smiles IS DISTINCT FROM i.smiles) FROM "
                + rejectedRows
                + " r JOIN "
                + inputRows
                + " i ON r.row_number = i.file_row_number"));
    // the parents of the products written are other rows; every blank SMILES is rejected
    assertEquals(
        List.of("0"),
        Libraries.query(
            "SELECT count(*) FROM '"
                + output
                + "' WHERE parent_id IN (SELECT id FROM "
                + rejectedRows
                + ")"));
    assertEquals(
        List.of("0"),
        Libraries.query(
            "SELECT count(*) FROM "
                + inputRows
                + " WHERE regexp_matches(smiles, '^[ \\t]*$') AND file_row_number NOT IN"
                + " (SELECT row_number FROM "
                + rejectedRows
                + ")"));
    assertEquals(
        List.of(String.valueOf(summary.products().written())),
        Libraries.query("SELECT count(*) FROM '" + output + "'"));
    assertTrue(summary.rows().rejected() > n / 10, "most mutations break the SMILES");
    assertTrue(summary.rows().withProducts() > 0, "some survive and make products");
    System.out.printf(
        "fuzz %d: %d with products, %d no site, rejected %s%n",
        n,
        summary.rows().withProducts(),
        summary.rows().noSite(),
        summary.rows().rejectedByCategory());
  }

  /** About 10 s (most mutants fail to parse), so it is in the default run, not tagged slow. */
  @Test
  void aHundredThousandMutatedSmilesAllEndAsAnOutcome() throws Exception {
    fuzz(100_000, 42L, Duration.ofMinutes(20));
  }
}
