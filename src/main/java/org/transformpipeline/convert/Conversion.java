package org.transformpipeline.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a molecule table from one file format to another, streaming record by record: opens the
 * source for the input format and the sink for the output format, copies every record, counts those
 * either skips (with their positions), and publishes the output only when all went well. Stateless,
 * thread-safe; each run uses its own reader and writer.
 */
public final class Conversion {

  /** Positions listed per skip reason. */
  static final int LISTED_PER_REASON = 10;

  /** Skipped records listed with their details. */
  static final int LISTED_EXAMPLES = 10;

  private Conversion() {}

  /**
   * Runs a conversion.
   *
   * @throws ConversionException when the input cannot be read or lacks its SMILES column, or the
   *     output cannot be written; nothing appears at the output path then
   * @throws org.transformpipeline.parquet.InputException for an unreadable Parquet input
   * @throws org.transformpipeline.parquet.OutputException when the output path cannot be written
   */
  public static ConversionReport run(ConversionSettings settings) {
    try (MoleculeSource source = open(settings);
        MoleculeSink sink = create(settings, source)) {
      Map<String, Long> skipped = new LinkedHashMap<>();
      Map<String, List<Long>> positions = new LinkedHashMap<>();
      List<SkippedRecord> examples = new ArrayList<>();
      long read = 0;
      for (ReadResult result = source.next(); result != null; result = source.next()) {
        read++;
        SkippedRecord skip =
            result instanceof MoleculeRecord molecule
                ? sink.write(molecule)
                : (SkippedRecord) result;
        if (skip != null) {
          skipped.merge(skip.reason(), 1L, Long::sum);
          List<Long> listed = positions.computeIfAbsent(skip.reason(), r -> new ArrayList<>());
          if (listed.size() < LISTED_PER_REASON) {
            listed.add(skip.position());
          }
          if (skip.detail() != null && examples.size() < LISTED_EXAMPLES) {
            examples.add(skip);
          }
        }
      }
      sink.commit();
      List<String> notes = new ArrayList<>(source.notes());
      notes.addAll(sink.notes());
      return new ConversionReport(
          settings.output(),
          read,
          sink.written(),
          skipped,
          positions,
          examples,
          source.positionName(),
          notes);
    }
  }

  private static MoleculeSource open(ConversionSettings s) {
    return switch (s.inputFormat()) {
      case SMI, CSV, TSV ->
          DelimitedSource.open(s.input(), s.inputFormat(), s.smilesColumn(), s.idColumn());
      case SDF -> SdfSource.open(s.input(), s.idColumn());
      case PARQUET -> ParquetSource.open(s.input(), s.smilesColumn(), s.idColumn());
    };
  }

  private static MoleculeSink create(ConversionSettings s, MoleculeSource source) {
    MoleculeColumns columns = source.columns();
    return switch (s.outputFormat()) {
      case PARQUET ->
          LibrarySink.create(
              s.output(),
              s.overwrite(),
              columns,
              Map.of(
                  "transform-pipeline.source",
                  String.valueOf(s.input().getFileName()),
                  "transform-pipeline.source-format",
                  s.inputFormat().label()));
      case SMI -> new SmiSink(s.output(), s.overwrite(), columns);
      case CSV, TSV -> new DelimitedSink(s.output(), s.overwrite(), columns, s.outputFormat());
      case SDF -> new SdfSink(s.output(), s.overwrite(), columns, source.positionName());
    };
  }
}
