package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.text.ErrorText;

/**
 * Picks a few rows of a products file (the output of {@code apply}) for the run report: a
 * deterministic spread over the whole file, reading only the five product columns.
 *
 * <p>The cost does not grow with the file: the wanted rows are spread evenly over the file's rows,
 * and each is then moved into the first {@value #WINDOW} rows of its row group (keeping its
 * relative place there), so at most that many rows of each chosen row group are decoded and the
 * other row groups are skipped. Pass-through columns are not read ({@link ProductRow#passThrough()}
 * is empty).
 *
 * <p>Stateless, thread-safe.
 */
public final class ProductSampler {

  /** Rows decoded at most per row group. */
  static final int WINDOW = 10_000;

  /**
   * One sampled row.
   *
   * @param rowNumber 0-based row number in the products file
   * @param product its product columns
   */
  public record Sample(long rowNumber, ProductRow product) {}

  private ProductSampler() {}

  /**
   * Up to {@code count} rows spread over the file, in file order (all rows when it has fewer).
   *
   * @throws InputException naming the file (and the column) when it is missing, not Parquet, or not
   *     a products file
   */
  public static List<Sample> sample(Path file, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException("products file not found: " + file);
    }
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      MessageType projection = projection(file, fileSchema);
      reader.setRequestedSchema(projection);
      Map<Integer, NavigableSet<Long>> wanted = wantedOffsets(reader.getRowGroups(), count);
      List<Sample> samples = new ArrayList<>();
      ColumnIOFactory columns = new ColumnIOFactory();
      long groupStart = 0;
      List<BlockMetaData> groups = reader.getRowGroups();
      for (int g = 0; g < groups.size(); g++) {
        NavigableSet<Long> offsets = wanted.get(g);
        if (offsets == null) {
          reader.skipNextRowGroup();
        } else {
          PageReadStore pages = reader.readNextRowGroup();
          RecordReader<Group> records =
              columns
                  .getColumnIO(projection, fileSchema)
                  .getRecordReader(pages, new GroupRecordConverter(projection));
          for (long offset = 0; offset <= offsets.last(); offset++) {
            Group group = records.read();
            if (offsets.contains(offset)) {
              samples.add(new Sample(groupStart + offset, product(group)));
            }
          }
        }
        groupStart += groups.get(g).getRowCount();
      }
      return samples;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      if (!ParquetFiles.startsWithMagic(file)) {
        throw new InputException(file + ": not a Parquet file (it does not start with PAR1)", e);
      }
      throw new InputException(file + ": cannot read products: " + ErrorText.oneLine(e), e);
    }
  }

  /**
   * Per row group index, the offsets within it to read: {@code count} rows spread evenly over the
   * file, each moved into the first {@link #WINDOW} rows of its group at the same relative place.
   */
  static Map<Integer, NavigableSet<Long>> wantedOffsets(List<BlockMetaData> groups, int count) {
    long total = groups.stream().mapToLong(BlockMetaData::getRowCount).sum();
    long n = Math.min(count, total);
    Map<Integer, NavigableSet<Long>> wanted = new TreeMap<>();
    int g = 0;
    long groupStart = 0;
    for (long j = 0; j < n; j++) {
      long row = j * total / n;
      while (row >= groupStart + groups.get(g).getRowCount()) {
        groupStart += groups.get(g).getRowCount();
        g++;
      }
      long rows = groups.get(g).getRowCount();
      long window = Math.min(rows, WINDOW);
      long offset = (row - groupStart) * window / rows;
      wanted.computeIfAbsent(g, k -> new TreeSet<>()).add(offset);
    }
    return wanted;
  }

  /**
   * The five product columns a sample shows (not {@code fragment}, which files written before it
   * lack), checked for their types.
   */
  private static MessageType projection(Path file, MessageType fileSchema) {
    List<Type> fields = new ArrayList<>();
    for (String name : ProductWriteSupport.PRODUCT_COLUMNS.subList(0, 5)) {
      PrimitiveTypeName expected =
          name.equals("site") ? PrimitiveTypeName.INT32 : PrimitiveTypeName.BINARY;
      if (!fileSchema.containsField(name)
          || !fileSchema.getType(name).isPrimitive()
          || fileSchema.getType(name).asPrimitiveType().getPrimitiveTypeName() != expected) {
        throw new InputException(
            file
                + ": not a products file: no "
                + expected
                + " column '"
                + name
                + "' (the output of apply has "
                + String.join(", ", ProductWriteSupport.PRODUCT_COLUMNS)
                + ")");
      }
      fields.add(fileSchema.getType(name));
    }
    return new MessageType(fileSchema.getName(), fields);
  }

  private static ProductRow product(Group g) {
    return new ProductRow(
        text(g, "product_smiles"),
        text(g, "parent_id"),
        text(g, "parent_smiles"),
        text(g, "transform"),
        g.getFieldRepetitionCount("site") == 0 ? -1 : g.getInteger("site", 0),
        new Object[0]);
  }

  private static String text(Group g, String field) {
    return g.getFieldRepetitionCount(field) == 0 ? null : g.getString(field, 0);
  }
}
