package org.transformpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transformpipeline.convert.Conversion;
import org.transformpipeline.convert.ConversionException;
import org.transformpipeline.convert.ConversionReport;
import org.transformpipeline.convert.ConversionSettings;
import org.transformpipeline.convert.FileFormat;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.OutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: SMILES text, CSV/TSV or SDF to a Parquet library that {@code apply} reads, and a
 * Parquet file (a library or an output of {@code apply}) back to any of those. Streams record by
 * record; skipped records are counted and listed with their line or row. Not thread-safe; one run
 * per instance.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Convert molecules between text files and Parquet: .smi, .csv/.tsv or .sdf (each optionally"
          + " gzipped) to a Parquet library for apply, or a Parquet file back to any of them.",
      "To Parquet: columns smiles and id, then every other CSV/TSV column or SD property as a"
          + " string column. From SDF, each structure becomes isomeric SMILES and the title line"
          + " the id.",
      "From Parquet: .smi is SMILES<TAB>id; .csv/.tsv has every column; .sdf has a V2000 molfile"
          + " with 2D coordinates per row (a few ms per molecule), the id as title, and every other"
          + " column as an SD property.",
      "Records that cannot be converted (no SMILES, unreadable molfile, wrong field count) are"
          + " skipped, counted and listed with their line (text) or 0-based row (Parquet)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar convert --input library.smi --output library.parquet",
      "  transform.jar convert --input vendor.sdf.gz --output lib.parquet \\",
      "      --id-field CAT_NO",
      "  transform.jar convert --input products.parquet --output products.csv.gz",
      "  transform.jar convert --input products.parquet --output products.sdf",
      "",
      "Exit codes: 0 ok (even with skipped records), 1 failure (no output file written),"
          + " 2 usage error."
    })
public final class ConvertCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "File to read: .smi, .csv, .tsv, .sdf/.sd/.mol (optionally .gz) or .parquet.")
  private Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description =
          "File to write, written in full or not at all; text output ending in .gz is gzipped.")
  private Path output;

  @Option(
      names = "--overwrite",
      description = "Replace the output file if it exists (default: ${DEFAULT-VALUE}).")
  private boolean overwrite;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = FormatOption.AUTO,
      converter = FormatOption.Converter.class,
      completionCandidates = FormatOption.Labels.class,
      description =
          "Input format, one of: ${COMPLETION-CANDIDATES}; auto decides from the file extension"
              + " (default: ${DEFAULT-VALUE}).")
  private FileFormat format;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      defaultValue = FormatOption.AUTO,
      converter = FormatOption.Converter.class,
      completionCandidates = FormatOption.Labels.class,
      description =
          "Output format, one of: ${COMPLETION-CANDIDATES}; auto decides from the file extension"
              + " (default: ${DEFAULT-VALUE}).")
  private FileFormat to;

  @Option(
      names = "--smiles-column",
      paramLabel = "NAME",
      description =
          "CSV/TSV or Parquet column holding the SMILES; in CSV/TSV matched exactly or else"
              + " ignoring case (default: smiles, or product_smiles for an output of apply).")
  private String smilesColumn;

  @Option(
      names = {"--id-column", "--id-field"},
      paramLabel = "NAME",
      description =
          "CSV/TSV or Parquet column, or SD property, holding the id; it must exist (default: the"
              + " column id if there is one, parent_id for an output of apply, the title line for"
              + " SDF).")
  private String idColumn;

  @Option(
      names = "--verbose",
      description = "Print the stack trace of an error (default: ${DEFAULT-VALUE}).")
  private boolean verbose;

  @Override
  public Integer call() {
    ConversionSettings settings = settings();
    ConversionReport report;
    try {
      report = Conversion.run(settings);
    } catch (ConversionException | InputException | OutputException e) {
      throw UserException.failure(e.getMessage(), e);
    }
    spec.commandLine().getOut().print(report.text());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The options checked and resolved into one settings value. */
  private ConversionSettings settings() {
    FileFormat inputFormat = format != null ? format : formatOf(input, "--format");
    FileFormat outputFormat = to != null ? to : formatOf(output, "--to");
    if (inputFormat == FileFormat.PARQUET && outputFormat == FileFormat.PARQUET) {
      throw UserException.usage(
          "input and output are both Parquet; convert turns text into Parquet and back");
    }
    if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw UserException.usage("input and output are the same file: " + input);
    }
    if (outputFormat == FileFormat.PARQUET && FileFormat.isGzipName(output)) {
      throw UserException.usage(
          "Parquet output is compressed inside and cannot be gzipped: " + output);
    }
    if (smilesColumn != null && (inputFormat == FileFormat.SMI || inputFormat == FileFormat.SDF)) {
      throw UserException.usage(
          "--smiles-column applies to CSV, TSV and Parquet input, not " + inputFormat.label());
    }
    if (idColumn != null && inputFormat == FileFormat.SMI) {
      throw UserException.usage("--id-column applies to CSV, TSV, SDF and Parquet input, not smi");
    }
    return new ConversionSettings(
        input, inputFormat, output, outputFormat, overwrite, smilesColumn, idColumn);
  }

  private static FileFormat formatOf(Path file, String option) {
    FileFormat format = FileFormat.fromFileName(file);
    if (format == null) {
      throw UserException.usage(
          "cannot tell the format of "
              + file
              + " from its extension (.smi, .csv, .tsv, .sdf, .parquet, optionally .gz); use "
              + option);
    }
    return format;
  }
}
