package org.transformpipeline.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * What a Parquet file's footer says about it, read without touching the data pages. Immutable.
 *
 * @param fileSizeBytes the file's size on disk
 * @param rowCount rows in all row groups
 * @param createdBy the writer's self-description ({@code created_by})
 * @param columns the leaf columns in schema order
 * @param rowGroups the row groups in file order
 * @param codecs the compression codecs used by any column chunk, sorted
 * @param metadata the key/value metadata, sorted by key
 * @param flat true when every column is a top-level primitive, not repeated (readable as text)
 */
public record ParquetFooter(
    long fileSizeBytes,
    long rowCount,
    String createdBy,
    List<Column> columns,
    List<RowGroup> rowGroups,
    List<String> codecs,
    Map<String, String> metadata,
    boolean flat) {

  public ParquetFooter {
    columns = List.copyOf(columns);
    rowGroups = List.copyOf(rowGroups);
    codecs = List.copyOf(codecs);
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  /**
   * One leaf column.
   *
   * @param name the column path, dot-separated for nested columns
   * @param physicalType e.g. {@code BINARY}, {@code FIXED_LEN_BYTE_ARRAY(16)}
   * @param logicalType e.g. {@code STRING}, {@code DECIMAL(18,4)}; empty when none
   * @param repetition {@code REQUIRED}, {@code OPTIONAL} or {@code REPEATED}
   * @param compressedBytes bytes of its chunks in the file, all row groups
   * @param uncompressedBytes bytes of its chunks before compression
   */
  public record Column(
      String name,
      String physicalType,
      String logicalType,
      String repetition,
      long compressedBytes,
      long uncompressedBytes) {}

  /**
   * One row group.
   *
   * @param rows rows in the group
   * @param uncompressedBytes the data's size before compression
   * @param compressedBytes the column chunks' size in the file
   */
  public record RowGroup(long rows, long uncompressedBytes, long compressedBytes) {}

  /**
   * Reads the footer of a file.
   *
   * @throws InputException naming the file when it is missing, not Parquet, truncated or corrupt
   */
  public static ParquetFooter read(Path file) {
    Objects.requireNonNull(file, "file");
    ParquetFiles.checkReadable(file);
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      FileMetaData meta = reader.getFooter().getFileMetaData();
      MessageType schema = meta.getSchema();
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      Map<String, long[]> sizes = new LinkedHashMap<>();
      TreeSet<String> codecs = new TreeSet<>();
      List<RowGroup> groups = new ArrayList<>();
      for (BlockMetaData block : blocks) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          codecs.add(chunk.getCodec().name());
          long[] size = sizes.computeIfAbsent(chunk.getPath().toDotString(), k -> new long[2]);
          size[0] += chunk.getTotalSize();
          size[1] += chunk.getTotalUncompressedSize();
        }
        groups.add(
            new RowGroup(block.getRowCount(), block.getTotalByteSize(), block.getCompressedSize()));
      }
      List<Column> columns = new ArrayList<>();
      for (ColumnDescriptor descriptor : schema.getColumns()) {
        String name = String.join(".", descriptor.getPath());
        PrimitiveType type = descriptor.getPrimitiveType();
        long[] size = sizes.getOrDefault(name, new long[2]);
        columns.add(
            new Column(
                name,
                physical(type),
                type.getLogicalTypeAnnotation() == null
                    ? ""
                    : type.getLogicalTypeAnnotation().toString(),
                type.getRepetition().name(),
                size[0],
                size[1]));
      }
      return new ParquetFooter(
          Files.size(file),
          reader.getRecordCount(),
          meta.getCreatedBy(),
          columns,
          groups,
          new ArrayList<>(codecs),
          meta.getKeyValueMetaData(),
          TextRowReader.isFlat(schema));
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.unreadable(file, e);
    }
  }

  private static String physical(PrimitiveType type) {
    PrimitiveTypeName name = type.getPrimitiveTypeName();
    return name == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
        ? name.name() + "(" + type.getTypeLength() + ")"
        : name.name();
  }
}
