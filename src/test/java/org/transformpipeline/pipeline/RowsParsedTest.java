package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.pipeline.dedup.DedupMode;

/**
 * {@code rows.parsed} counts the rows the SMILES parser accepted: a parent rejected as too large
 * (from its SMILES text, before parsing) is not one of them, a parent with no atoms or one that
 * timed out is; and the identity that ties it to the other counts is checked.
 */
class RowsParsedTest {

  private static ParentOutcome rejected(Rejection.Stage stage, String reason) {
    return new ParentOutcome.Rejected(new Rejection(stage, reason));
  }

  /** Rows 0..5: 1 too large, 2 unparsable, 3 no atoms, 4 timed out, 0 and 5 make products. */
  private static RunTotals run() {
    List<InputRow> rows = new ArrayList<>(Fakes.numberedRows(6));
    rows.set(1, new InputRow(1, "id1", "huge", new Object[] {1L}));
    rows.set(2, new InputRow(2, "id2", "unparsable", new Object[] {2L}));
    rows.set(3, new InputRow(3, "id3", "empty-parent", new Object[] {3L}));
    rows.set(4, new InputRow(4, "id4", "slow", new Object[] {4L}));
    return new Pipeline(
            new Fakes.ListSource(rows, 2),
            new TransformWorker(
                () ->
                    smiles ->
                        switch (smiles) {
                          case "huge" ->
                              rejected(
                                  Rejection.Stage.PARENT,
                                  "too large: 600 heavy atoms > --max-heavy-atoms 500");
                          case "empty-parent" -> rejected(Rejection.Stage.PARENT, "no atoms");
                          case "slow" ->
                              rejected(
                                  Rejection.Stage.TIMEOUT, "enumeration took longer than 1 ms");
                          default -> Fakes.enumerate(smiles);
                        }),
            DedupMode.EXACT.create(100, 1e-6),
            new Fakes.RecordingSink(),
            new Pipeline.Settings(2, 4, 2),
            Fakes.silentProgress())
        .run();
  }

  private static RunSummary withParsed(RunTotals totals, long parsed) {
    RunSummary.RowCounts r = totals.rows();
    return new RunSummary(
        "in",
        "out",
        null,
        new RunSummary.RowCounts(
            r.read(), parsed, r.rejected(), r.rejectedByCategory(), r.noSite(), r.withProducts()),
        totals.products(),
        totals.transforms(),
        totals.dedup(),
        totals.performance(),
        List.of(),
        List.of());
  }

  @Test
  void aParentTooLargeToParseIsNotCountedAsParsed() {
    RunTotals totals = run();

    assertEquals(6, totals.rows().read());
    assertEquals(4, totals.rows().rejected());
    assertEquals(4, totals.rows().parsed(), "all but the unparsable and the too large row");
    assertEquals(List.of(), withParsed(totals, totals.rows().parsed()).identityViolations());
  }

  @Test
  void aParsedCountThatDoesNotAddUpIsAnIdentityViolation() {
    RunTotals totals = run();

    assertEquals(
        List.of(
            "rows parsed = rows with products + rows with no site + rows rejected after parsing"
                + " (at stage parent, but not as too large, or timeout): 5 != 4"),
        withParsed(totals, 5).identityViolations());
  }
}
