package org.transformpipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transformpipeline.parquet.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect FILE}: what a Parquet file holds (schema, rows, row groups, sizes, codecs,
 * metadata, first rows) and, for an output of {@code apply}, its run summary. Reads the footer, the
 * first rows, and for an output of {@code apply} without a summary file one column of every row.
 * Not thread-safe; one run per instance.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show what a Parquet file holds: schema (column, physical and logical type, repetition),"
          + " row count, row groups with their rows and sizes, file size, compression codecs,"
          + " key/value metadata and the first rows.",
      "For an output of apply, also its run summary from <FILE>.summary.json, or the products per"
          + " transform counted in the file when there is no summary."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar inspect products.parquet",
      "  transform.jar inspect library.parquet --rows 20",
      "  transform.jar inspect products.parquet --rows 0 --json > products.json",
      "",
      "Exit codes: 0 ok, 1 the file cannot be read as Parquet, 2 usage error."
    })
public final class InspectCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The Parquet file to inspect.")
  private Path file;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many of the first rows to show, 0 for none (default: ${DEFAULT-VALUE}).")
  private int rows;

  @Option(
      names = "--json",
      description =
          "Print one JSON object instead of text, with values whole (default: ${DEFAULT-VALUE}).")
  private boolean json;

  @Option(
      names = "--verbose",
      description = "Print the stack trace of an error (default: ${DEFAULT-VALUE}).")
  private boolean verbose;

  @Override
  public Integer call() throws JsonProcessingException {
    if (rows < 0) {
      throw UserException.usage("--rows must be 0 or more, not " + rows);
    }
    Inspection inspection;
    try {
      inspection = Inspection.of(file, rows);
    } catch (InputException e) {
      throw UserException.failure(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JSON.writeValueAsString(inspection) + "\n" : InspectionText.of(inspection));
    out.flush();
    return 0;
  }
}
