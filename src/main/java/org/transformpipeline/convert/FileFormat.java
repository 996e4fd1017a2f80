package org.transformpipeline.convert;

import java.nio.file.Path;
import java.util.Locale;

/** The layout of a file {@code convert} reads or writes. Immutable. */
public enum FileFormat {
  /** One molecule a line: SMILES, then the rest of the line (after a tab or spaces) is the id. */
  SMI,
  /** Comma-separated with a header row naming the columns. */
  CSV,
  /** Tab-separated with a header row naming the columns. */
  TSV,
  /** MDL SD file: molfile records with data items, separated by {@code $$$$}. */
  SDF,
  /** A Parquet file. */
  PARQUET;

  /** The name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with this command-line name (ignoring case), or null. */
  public static FileFormat fromLabel(String label) {
    for (FileFormat format : values()) {
      if (format.label().equalsIgnoreCase(label)) {
        return format;
      }
    }
    return null;
  }

  /**
   * The format a file name implies, a trailing {@code .gz} ignored: {@code .smi .smiles .ism} SMI,
   * {@code .csv} CSV, {@code .tsv .tab} TSV, {@code .sdf .sd .mol} SDF, {@code .parquet .pq}
   * PARQUET; null for any other name.
   */
  public static FileFormat fromFileName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (isGzipName(file)) {
      name = name.substring(0, name.length() - 3);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "smi", "smiles", "ism" -> SMI;
      case "csv" -> CSV;
      case "tsv", "tab" -> TSV;
      case "sdf", "sd", "mol" -> SDF;
      case "parquet", "pq" -> PARQUET;
      default -> null;
    };
  }

  /** True when the file name ends with {@code .gz} (output is then gzipped). */
  public static boolean isGzipName(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
