package org.transformpipeline.cli;

import java.nio.file.Path;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.run.RunInput;
import picocli.CommandLine.Option;

/** {@code apply}'s input library ({@code @Mixin}): mapped onto {@link RunInput}. */
public final class InputOptions {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "Input library (Parquet) with a SMILES column.")
  Path input;

  @Option(
      names = "--smiles-column",
      paramLabel = "NAME",
      defaultValue = "smiles",
      description = "Input column holding the SMILES. Default: ${DEFAULT-VALUE}.")
  String smilesColumn;

  @Option(
      names = "--id-column",
      paramLabel = "NAME",
      description =
          "Input column holding the parent ids. Default: 'id' if the input has it,"
              + " else the 0-based row number.")
  String idColumn;

  /** The input, validated: every message names the option. */
  RunInput input() {
    if (smilesColumn == null || smilesColumn.isBlank()) {
      throw UserException.usage("--smiles-column must not be empty");
    }
    if (idColumn != null && idColumn.isBlank()) {
      throw UserException.usage("--id-column must not be empty");
    }
    if (idColumn != null && idColumn.equals(smilesColumn)) {
      throw UserException.usage(
          "--id-column and --smiles-column are the same column: " + smilesColumn);
    }
    return new RunInput(input, smilesColumn, IdColumn.fromOption(idColumn));
  }
}
