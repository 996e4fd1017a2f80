package org.transformpipeline.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What a worker made of one batch: everything the consumer needs to dedup, write and count, without
 * any chemistry or hashing left to do.
 *
 * @param index the batch index (results are written in this order)
 * @param rowsRead rows in the batch
 * @param rowsWithProducts rows whose outcome was {@code Derivatized} (even if every product was
 *     then rejected or capped)
 * @param rowsNoSite rows that parsed but matched no transform
 * @param rowRejections rows rejected (input, parse, parent, timeout or internal), in row order
 * @param productsGenerated valid products made, before any dedup
 * @param productRejectsByCategory products that failed validation, by {@code Rejection.category()}
 * @param rejects every rejected row and rejected product, in row order (a row's products in
 *     transform then site order): the rows of the rejects file
 * @param productsCapped products not made because of the per-parent cap
 * @param generatedByTransform valid products made, by transform name
 * @param candidates the products left after in-batch dedup (first occurrence in row, transform,
 *     site order wins), in that order, with their hashes
 * @param inBatchDuplicates products dropped because an earlier row of this batch made the same one
 * @param workerNanos time the worker spent on this batch
 * @param belowMinScore products dropped because their score is below {@code --min-score} (before
 *     in-batch dedup)
 * @param filteredByReason valid products the product filter removed, by reason (not in {@code
 *     productsGenerated})
 */
public record BatchResult(
    long index,
    int rowsRead,
    int rowsWithProducts,
    int rowsNoSite,
    List<RowRejection> rowRejections,
    long productsGenerated,
    Map<String, Long> productRejectsByCategory,
    List<RejectRow> rejects,
    long productsCapped,
    Map<String, Long> generatedByTransform,
    List<HashedProduct> candidates,
    long inBatchDuplicates,
    long workerNanos,
    long belowMinScore,
    Map<String, Long> filteredByReason) {

  public BatchResult {
    filteredByReason = Map.copyOf(filteredByReason);
    rowRejections = List.copyOf(rowRejections);
    productRejectsByCategory = Map.copyOf(productRejectsByCategory);
    rejects = List.copyOf(rejects);
    generatedByTransform = Map.copyOf(generatedByTransform);
    candidates = List.copyOf(candidates);
  }
}
