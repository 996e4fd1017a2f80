package org.transformpipeline.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

  @Test
  void blankAndTakenNamesGetSuffixes() {
    List<String> renamed = new ArrayList<>();
    List<String> names =
        ColumnNames.unique(
            Arrays.asList("SMILES", "mw", "", "MW", "mw_2", null, " note "),
            List.of("smiles", "id"),
            renamed);

    assertEquals(
        List.of("SMILES_2", "mw", "column_3", "MW_2", "mw_2_2", "column_6", "note"), names);
    assertEquals(
        List.of(
            "'SMILES' -> 'SMILES_2'",
            "'' -> 'column_3'",
            "'MW' -> 'MW_2'",
            "'mw_2' -> 'mw_2_2'",
            "'' -> 'column_6'",
            "' note ' -> 'note'"),
        renamed);
  }
}
