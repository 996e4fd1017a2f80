package org.transformpipeline.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Layout of a SMILES text file, as chosen with {@code --format}. Immutable. */
enum TextFormat {
  /** Decide from the file name (a trailing {@code .gz} is ignored). */
  AUTO,
  /** One molecule a line: SMILES, then an optional id after a tab or spaces; no header. */
  SMI,
  /** Comma-separated with a header row naming the columns. */
  CSV,
  /** Tab-separated with a header row naming the columns. */
  TSV;

  /** The name used on the command line. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a file name implies: {@code .smi .smiles .ism} are SMI, {@code .csv} CSV, {@code
   * .tsv} TSV, each optionally followed by {@code .gz}.
   *
   * @throws UserException (usage) for any other name
   */
  static TextFormat fromFileName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "smi", "smiles", "ism" -> SMI;
      case "csv" -> CSV;
      case "tsv" -> TSV;
      default ->
          throw UserException.usage(
              "cannot tell the format of "
                  + file
                  + " from its extension (.smi, .csv, .tsv, optionally .gz); use --format");
    };
  }

  /** Parses {@code --format} values ignoring case. */
  static final class Converter implements ITypeConverter<TextFormat> {
    @Override
    public TextFormat convert(String value) {
      for (TextFormat format : values()) {
        if (format.label().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new TypeConversionException(
          "expected one of " + String.join(", ", new Labels()) + " but was '" + value + "'");
    }
  }

  /** The command-line names, for help. */
  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(TextFormat::label).collect(Collectors.toList()).iterator();
    }
  }
}
