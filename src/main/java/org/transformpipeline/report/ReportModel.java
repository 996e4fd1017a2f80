package org.transformpipeline.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.transformpipeline.parquet.ParquetFiles;
import org.transformpipeline.parquet.ProductSampler;
import org.transformpipeline.pipeline.RunSummary;

/**
 * What a run report shows: the run summary (counts, settings, timeline) and a few products of the
 * output drawn with their parents. Immutable once built.
 *
 * @param products the products file the report is about
 * @param summary the run's summary, as written to {@code <output>.summary.json}
 * @param samples sampled product rows, drawn, in file order
 * @param toolVersion the version of this tool that made the report
 */
public record ReportModel(
    Path products, RunSummary summary, List<DepictedProduct> samples, String toolVersion) {

  /** Products drawn when the user does not say. */
  public static final int DEFAULT_SAMPLES = 24;

  public ReportModel {
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(summary, "summary");
    samples = List.copyOf(samples);
  }

  /**
   * Samples {@code sampleCount} rows spread over the products file (see {@link ProductSampler}) and
   * draws them.
   *
   * @throws org.transformpipeline.parquet.InputException naming the file when it cannot be read as
   *     a products file
   */
  public static ReportModel load(Path products, RunSummary summary, int sampleCount) {
    ProductDepicter depicter = new ProductDepicter();
    List<DepictedProduct> drawn = new ArrayList<>();
    for (ProductSampler.Sample s : ProductSampler.sample(products, sampleCount)) {
      drawn.add(depicter.depict(s.rowNumber(), s.product()));
    }
    return new ReportModel(products, summary, drawn, ParquetFiles.toolVersion());
  }
}
