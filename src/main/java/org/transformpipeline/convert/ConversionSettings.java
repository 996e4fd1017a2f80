package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to convert into what, validated by the command line. Immutable.
 *
 * @param input the file to read
 * @param inputFormat its format
 * @param output the file to write (gzipped when its name ends with {@code .gz}, text only)
 * @param outputFormat its format; input and output are not both Parquet
 * @param overwrite whether an existing output may be replaced
 * @param smilesColumn the SMILES column of a CSV/TSV or Parquet input, or null for the default
 * @param idColumn the id column of a CSV/TSV or Parquet input, or the SD property holding the id,
 *     or null for the default
 */
public record ConversionSettings(
    Path input,
    FileFormat inputFormat,
    Path output,
    FileFormat outputFormat,
    boolean overwrite,
    String smilesColumn,
    String idColumn) {

  public ConversionSettings {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(inputFormat, "inputFormat");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(outputFormat, "outputFormat");
    if (inputFormat == FileFormat.PARQUET && outputFormat == FileFormat.PARQUET) {
      throw new IllegalArgumentException("input and output are both Parquet");
    }
  }
}
