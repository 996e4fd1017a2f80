package org.transformpipeline.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transformpipeline.parquet.InputSchema;
import org.transformpipeline.parquet.OutputException;
import org.transformpipeline.parquet.OwnFiles;
import org.transformpipeline.parquet.ParquetRows;
import org.transformpipeline.parquet.ProductWriter;
import org.transformpipeline.parquet.RejectWriter;
import org.transformpipeline.parquet.StagedFile;
import org.transformpipeline.parquet.StagedParquetWriter;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.RejectRow;
import org.transformpipeline.pipeline.RunCheckpoint;
import org.transformpipeline.text.ErrorText;

/**
 * The outputs of an {@code apply} run, written so that a killed run can resume: products and
 * rejects go to parts in the run's {@link RunParts} directory, each part covering a contiguous
 * range of batches; a part is committed (both files published atomically, then the manifest
 * rewritten atomically with the counts after it) once it holds {@link PartLimits#bytes()} bytes,
 * {@link PartLimits#batches()} batches or has been open {@link PartLimits#time()}. {@link
 * #commit()} commits the last part and marks the manifest complete; {@link #publish} then joins the
 * parts, row by row in order, into the final products and rejects files. Re-writing the rows makes
 * the final files independent of where parts were cut (by size and time), so byte-identical to an
 * uninterrupted run's; appending the parts' row groups raw would be cheaper but would not. A run of
 * one part (under {@link PartLimits#defaults()}: any run shorter than 5 minutes whose output is
 * under 256 MB) is published as it is, with no join.
 *
 * <p>{@link #abort()} discards the open part. Committed parts stay for {@code --resume}; when there
 * are none the directory is deleted.
 *
 * <p>Not thread-safe: the pipeline's consumer thread writes.
 */
public final class RunOutput implements ProductSink {

  private static final Logger LOG = LoggerFactory.getLogger(RunOutput.class);

  /**
   * When a part is committed: whichever limit comes first, checked after each batch.
   *
   * @param bytes products and rejects bytes written to the part (Parquet's estimate)
   * @param batches batches in the part
   * @param time time since the part was opened
   */
  public record PartLimits(long bytes, long batches, Duration time) {
    public PartLimits {
      if (bytes < 1 || batches < 1 || time.isNegative() || time.isZero()) {
        throw new IllegalArgumentException(
            "part limits must be positive: " + bytes + ", " + batches + ", " + time);
      }
    }

    /**
     * 256 MB, or 5 minutes: a killed run loses at most that much work (polyphenol products take ~33
     * bytes each, so 256 MB is ~8 M products: 4 minutes of output on 2 cores, 30 s on 16). A run
     * within both limits is one part, published with no join.
     */
    public static PartLimits defaults() {
      return new PartLimits(256L << 20, Long.MAX_VALUE, Duration.ofMinutes(5));
    }
  }

  private final RunParts parts;
  private final InputSchema schema;
  private final Map<String, String> metadata;
  private final PartLimits limits;
  private volatile PartManifest manifest; // read by RunInterruption's shutdown hook
  private StagedParquetWriter<ProductRow> products;
  private StagedParquetWriter<RejectRow> rejects;
  private long partFirstBatch;
  private long partOpenedNanos;
  private RunCheckpoint last;

  /**
   * @param parts the run's parts directory (locked)
   * @param manifest the manifest to go on from: {@link PartManifest#start} for a new run, the one
   *     read for a resumed run (already written to the directory)
   * @param schema the input schema (pass-through columns of the products)
   * @param metadata footer key/values of the products files
   * @param limits when to commit a part
   */
  public RunOutput(
      RunParts parts,
      PartManifest manifest,
      InputSchema schema,
      Map<String, String> metadata,
      PartLimits limits) {
    this.parts = Objects.requireNonNull(parts, "parts");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.metadata = Map.copyOf(metadata);
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The manifest as last written. */
  public PartManifest manifest() {
    return manifest;
  }

  /** The parts directory. */
  public RunParts parts() {
    return parts;
  }

  @Override
  public void write(ProductRow row) {
    openPart();
    products.write(row);
  }

  @Override
  public void reject(RejectRow row) {
    openPart();
    rejects.write(row);
  }

  @Override
  public void batchWritten(RunCheckpoint checkpoint) {
    openPart();
    last = checkpoint;
    long batches = checkpoint.batchesWritten() - partFirstBatch;
    if (products.dataSize() + rejects.dataSize() >= limits.bytes()
        || batches >= limits.batches()
        || System.nanoTime() - partOpenedNanos >= limits.time().toNanos()) {
      commitPart();
    }
  }

  /** Commits the last part and marks the manifest complete: every batch is in the parts. */
  @Override
  public void commit() {
    endGeneration(true);
  }

  /**
   * Commits the last part of the generation in progress and records the generation as finished: the
   * next one begins (its batches from 0), or, for the last, the manifest is marked complete.
   *
   * @param lastGeneration whether no generation follows
   */
  public void endGeneration(boolean lastGeneration) {
    if (products != null) {
      if (last != null && last.batchesWritten() > partFirstBatch) {
        commitPart();
      } else {
        abortPart();
      }
    }
    RunCheckpoint end = last != null ? last : manifest.checkpoint();
    manifest = lastGeneration ? manifest.completed(end) : manifest.nextGeneration(end);
    parts.writeManifest(manifest);
    last = null;
  }

  /** The files of the committed products parts of one generation, in order. */
  public List<Path> productParts(int generation) {
    return manifest.partsOf(generation).stream().map(p -> parts.file(p.products())).toList();
  }

  /** Discards the open part; deletes the directory when no part was committed. */
  @Override
  public void abort() {
    abortPart();
    try {
      if (manifest.parts().isEmpty()) {
        parts.delete();
      } else {
        parts.close();
      }
    } catch (RuntimeException e) {
      LOG.warn("{}", e.getMessage());
    }
  }

  /**
   * Joins the committed parts of a complete run into the final files and publishes them: the
   * rejects file first, then the products file, so the products file appears only when both are
   * complete (if publishing it fails, the rejects file just published is deleted).
   *
   * @param output the products file
   * @param rejectsFile the rejects file
   * @param overwrite whether existing files may be replaced
   * @throws OutputException naming the file when writing or publishing fails; nothing is left at
   *     the targets
   */
  public void publish(Path output, Path rejectsFile, boolean overwrite) {
    if (!manifest.complete()) {
      throw new IllegalStateException("the run is not complete: " + parts.dir());
    }
    if (manifest.parts().size() == 1) {
      PartManifest.Part part = manifest.parts().get(0);
      publishWhole(parts.file(part.rejects()), rejectsFile, overwrite);
      try {
        publishWhole(parts.file(part.products()), output, overwrite);
      } catch (RuntimeException e) {
        deleteQuietly(rejectsFile);
        throw e;
      }
      return;
    }
    try (StagedParquetWriter<ProductRow> finalProducts =
            ProductWriter.create(
                output, schema, overwrite, StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE, metadata);
        StagedParquetWriter<RejectRow> finalRejects = RejectWriter.create(rejectsFile, overwrite)) {
      for (PartManifest.Part part : manifest.parts()) {
        copy(OwnFiles.products(parts.file(part.products())), finalProducts::write);
        copy(OwnFiles.rejects(parts.file(part.rejects())), finalRejects::write);
      }
      finalRejects.commit();
      try {
        finalProducts.commit();
      } catch (RuntimeException e) {
        deleteQuietly(rejectsFile);
        throw e;
      }
    }
  }

  /**
   * Publishes the one committed part of a run as the final file, without re-writing its rows: the
   * part was written by the same writer, with the same settings and footer, from the same rows in
   * the same order as the join of one part would be, so it holds that join's bytes (ResumeTest
   * compares the two). The part is hard-linked (copied where the file system has no hard links) to
   * the staged file, so it stays in the parts directory until {@link #removeParts}: a run killed in
   * between is finished again by {@code --resume}.
   */
  private static void publishWhole(Path part, Path target, boolean overwrite) {
    StagedFile staged = StagedFile.of(target, overwrite);
    try {
      try {
        Files.createLink(staged.temp(), part);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(part, staged.temp());
      }
    } catch (IOException e) {
      staged.discard();
      throw new OutputException(target + ": cannot finish output: " + ErrorText.oneLine(e), e);
    }
    staged.publish();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the products file is what matters: it is not there
    }
  }

  /**
   * Calls {@code action} with the product SMILES of every committed part, in output order: to
   * rebuild the dedup state of a resumed run.
   */
  public void forEachProductSmiles(Consumer<String> action) {
    for (PartManifest.Part part : manifest.parts()) {
      copy(
          OwnFiles.productSmiles(parts.file(part.products())),
          row -> action.accept(row.productSmiles()));
    }
  }

  /** Deletes the parts directory (after the final files and the summary are written). */
  public void removeParts() {
    parts.delete();
  }

  private static <T> void copy(ParquetRows<T> reader, Consumer<T> into) {
    try (reader) {
      for (T row = reader.read(); row != null; row = reader.read()) {
        into.accept(row);
      }
    }
  }

  private void openPart() {
    if (products != null) {
      return;
    }
    int index = manifest.parts().size();
    partFirstBatch = manifest.checkpoint().batchesWritten();
    partOpenedNanos = System.nanoTime();
    products =
        ProductWriter.create(
            parts.file(name("part", index)),
            schema,
            false,
            StagedParquetWriter.DEFAULT_ROW_GROUP_SIZE,
            metadata);
    try {
      rejects = RejectWriter.create(parts.file(name("rejects", index)), false);
    } catch (RuntimeException e) {
      products.abort();
      products = null;
      throw e;
    }
  }

  private void commitPart() {
    products.commit();
    rejects.commit();
    PartManifest.Part part =
        new PartManifest.Part(
            products.target().getFileName().toString(),
            name("rejects", manifest.parts().size()),
            partFirstBatch,
            last.batchesWritten(),
            products.rowsWritten(),
            rejects.rowsWritten(),
            manifest.generation());
    products = null;
    rejects = null;
    manifest = manifest.with(part, last);
    parts.writeManifest(manifest);
    LOG.debug(
        "committed {} (batches {} to {})", part.products(), part.firstBatch(), part.endBatch() - 1);
  }

  private void abortPart() {
    if (products != null) {
      products.abort();
      products = null;
    }
    if (rejects != null) {
      rejects.abort();
      rejects = null;
    }
  }

  private static String name(String kind, int index) {
    return String.format(Locale.ROOT, "%s-%05d.parquet", kind, index);
  }
}
