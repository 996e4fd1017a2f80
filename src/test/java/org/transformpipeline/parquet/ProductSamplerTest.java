package org.transformpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.pipeline.ProductRow;

class ProductSamplerTest {

  private static final InputSchema SCHEMA = new InputSchema("smiles", "id", List.of(), 0);

  @TempDir Path dir;

  private static ProductRow row(long i) {
    return new ProductRow(
        "C" + i, "P" + i, "CC" + i, i % 2 == 0 ? "even" : "odd", (int) (i % 5), new Object[0]);
  }

  private Path products(String name, long rows, long rowGroupBytes) {
    Path target = dir.resolve(name);
    try (StagedParquetWriter<ProductRow> writer =
        ProductWriter.create(target, SCHEMA, false, rowGroupBytes, Map.of())) {
      for (long i = 0; i < rows; i++) {
        writer.write(row(i));
      }
      writer.commit();
    }
    return target;
  }

  private static List<Long> rowNumbers(List<ProductSampler.Sample> samples) {
    return samples.stream().map(ProductSampler.Sample::rowNumber).toList();
  }

  private static BlockMetaData group(long rows) {
    BlockMetaData block = new BlockMetaData();
    block.setRowCount(rows);
    return block;
  }

  @Test
  void spreadsTheRowsOfASmallFileEvenlyAndReadsTheirColumns() {
    Path file = products("small.parquet", 10, 64 << 20);

    List<ProductSampler.Sample> samples = ProductSampler.sample(file, 4);

    assertEquals(List.of(0L, 2L, 5L, 7L), rowNumbers(samples));
    ProductRow seven = samples.get(3).product();
    assertEquals(
        List.of("C7", "P7", "CC7", "odd", 2),
        List.of(
            seven.productSmiles(),
            seven.parentId(),
            seven.parentSmiles(),
            seven.transform(),
            seven.site()));
  }

  @Test
  void takesEveryRowWhenAskedForMoreThanTheFileHas() {
    Path file = products("tiny.parquet", 3, 64 << 20);

    assertEquals(List.of(0L, 1L, 2L), rowNumbers(ProductSampler.sample(file, 50)));
    assertEquals(List.of(), ProductSampler.sample(products("empty.parquet", 0, 64 << 20), 5));
  }

  @Test
  void readsFromManyRowGroupsAndEachSampleIsTheRowAtItsNumber() throws IOException {
    Path file = products("groups.parquet", 30_000, 16 << 10); // small row groups
    int groups;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      groups = reader.getRowGroups().size();
    }
    assertTrue(groups > 20, groups + " row groups");

    List<ProductSampler.Sample> samples = ProductSampler.sample(file, 20);

    assertEquals(20, samples.size());
    for (ProductSampler.Sample s : samples) {
      assertEquals(row(s.rowNumber()).productSmiles(), s.product().productSmiles());
      assertEquals(row(s.rowNumber()).site(), s.product().site());
    }
    assertTrue(rowNumbers(samples).get(19) > 25_000, "reaches the end: " + rowNumbers(samples));
    assertEquals(List.copyOf(new TreeSet<>(rowNumbers(samples))), rowNumbers(samples));
  }

  @Test
  void movesEachWantedRowIntoTheFirstRowsOfItsGroup() {
    Map<Integer, NavigableSet<Long>> wanted =
        ProductSampler.wantedOffsets(List.of(group(30_000), group(30_000), group(5)), 4);

    // rows 0, 15001, 30002, 45003 of 60005: offsets 0 and 15001 of groups 0 and 1, scaled by 1/3
    assertEquals(
        Map.of(0, new TreeSet<>(List.of(0L, 5000L)), 1, new TreeSet<>(List.of(0L, 5001L))), wanted);
    long decoded = wanted.values().stream().mapToLong(s -> s.last() + 1).sum();
    assertTrue(decoded <= 2 * ProductSampler.WINDOW, decoded + " rows decoded");
  }

  @Test
  void decodesAtMostTheWindowOfEachGroupHoweverLargeTheFile() {
    List<BlockMetaData> groups = LongStream.range(0, 300).mapToObj(i -> group(1_000_000)).toList();

    Map<Integer, NavigableSet<Long>> wanted = ProductSampler.wantedOffsets(groups, 24);

    assertEquals(24, wanted.values().stream().mapToInt(NavigableSet::size).sum());
    assertTrue(wanted.values().stream().allMatch(s -> s.last() < ProductSampler.WINDOW));
    assertTrue(wanted.containsKey(0) && wanted.containsKey(287), wanted.keySet().toString());
  }

  @Test
  void aLibraryIsNotAProductsFile() throws IOException {
    Path library = dir.resolve("library.parquet");
    try (StagedParquetWriter<LibraryWriter.Molecule> writer =
        LibraryWriter.create(library, false, Map.of())) {
      writer.write(new LibraryWriter.Molecule("c1ccccc1O", "1"));
      writer.commit();
    }

    InputException e = assertThrows(InputException.class, () -> ProductSampler.sample(library, 5));
    assertEquals(
        library
            + ": not a products file: no BINARY column 'product_smiles' (the output of apply"
            + " has product_smiles, parent_id, parent_smiles, transform, site, fragment, product_id, generation, root_id, pathway, score)",
        e.getMessage());
  }

  @Test
  void namesAMissingOrNonParquetFile() throws IOException {
    Path missing = dir.resolve("missing.parquet");
    assertEquals(
        "products file not found: " + missing,
        assertThrows(InputException.class, () -> ProductSampler.sample(missing, 5)).getMessage());
    Path text = Files.writeString(dir.resolve("text.parquet"), "not parquet at all\n");
    assertEquals(
        text + ": not a Parquet file (it does not start with PAR1)",
        assertThrows(InputException.class, () -> ProductSampler.sample(text, 5)).getMessage());
  }
}
