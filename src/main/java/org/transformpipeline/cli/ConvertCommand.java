package org.transformpipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.transformpipeline.parquet.LibraryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: a SMILES text file to a Parquet library ({@code smiles} required string, {@code
 * id} optional string) that {@code apply} reads. Streams line by line. A line without an id gets a
 * null id (the reader then uses the row number). Not thread-safe; one run per instance.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a SMILES text file to a Parquet library with columns smiles and id.",
      "Input: .smi (SMILES, then an optional id after a tab or spaces), or .csv/.tsv with a"
          + " header row; gzipped files are read as well. Blank lines and lines starting with #"
          + " are ignored; lines without a SMILES are skipped and reported."
    },
    sortOptions = false)
public final class ConvertCommand implements Callable<Integer> {

  /** How many skipped line numbers the summary lists. */
  private static final int LISTED_SKIPS = 10;

  @Spec private CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "SMILES text file (.smi, .csv, .tsv, optionally .gz).")
  private Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "Parquet file to write; written in full or not at all.")
  private Path output;

  @Option(
      names = "--overwrite",
      description = "Replace the output file if it exists (default: ${DEFAULT-VALUE}).")
  private boolean overwrite;

  @Option(
      names = "--smiles-column",
      paramLabel = "NAME",
      defaultValue = "smiles",
      description =
          "CSV/TSV column holding the SMILES, matched exactly or else ignoring case; an id"
              + " column is used if present (default: ${DEFAULT-VALUE}).")
  private String smilesColumn;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      converter = TextFormat.Converter.class,
      completionCandidates = TextFormat.Labels.class,
      description =
          "Input format, one of: ${COMPLETION-CANDIDATES}; auto decides from the file extension"
              + " (default: ${DEFAULT-VALUE}).")
  private TextFormat format;

  @Option(
      names = "--verbose",
      description = "Print the stack trace of an error (default: ${DEFAULT-VALUE}).")
  private boolean verbose;

  @Override
  public Integer call() throws IOException {
    TextFormat resolved = format == TextFormat.AUTO ? TextFormat.fromFileName(input) : format;
    if (resolved == TextFormat.SMI
        && spec.commandLine().getParseResult().hasMatchedOption("--smiles-column")) {
      throw UserException.usage("--smiles-column applies to CSV and TSV input, not .smi");
    }
    long skipped = 0;
    List<Long> skippedLines = new ArrayList<>();
    long written;
    try (SmilesTextReader reader = SmilesTextReader.open(input, resolved, smilesColumn);
        LibraryWriter writer =
            LibraryWriter.create(
                output,
                overwrite,
                Map.of("transform-pipeline.source", String.valueOf(input.getFileName())))) {
      for (SmilesTextReader.Line line = reader.next(); line != null; line = reader.next()) {
        if (line.smiles() == null) {
          skipped++;
          if (skippedLines.size() < LISTED_SKIPS) {
            skippedLines.add(line.number());
          }
        } else {
          writer.write(line.smiles(), line.id());
        }
      }
      writer.commit();
      written = writer.rowsWritten();
    }
    spec.commandLine().getOut().println(summary(written, skipped, skippedLines));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private String summary(long written, long skipped, List<Long> skippedLines) {
    String summary = "convert: wrote " + written + " rows to " + output;
    if (skipped == 0) {
      return summary + "; no lines skipped";
    }
    return summary
        + "; skipped "
        + skipped
        + (skipped == 1 ? " line" : " lines")
        + " without SMILES (line "
        + skippedLines.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + (skipped > skippedLines.size() ? ", ..." : "")
        + ")";
  }
}
