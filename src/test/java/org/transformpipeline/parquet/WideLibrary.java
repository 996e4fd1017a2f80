package org.transformpipeline.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.decimalType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.intType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timeType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.uuidType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A library fixture with a SMILES and an id column and one pass-through column of every primitive
 * kind, OPTIONAL ones with nulls. Written with parquet's example Group API, independent of the code
 * under test.
 */
final class WideLibrary {

  static final MessageType SCHEMA =
      Types.buildMessage()
          .required(BINARY)
          .as(stringType())
          .named("smiles")
          .optional(BINARY)
          .as(stringType())
          .named("id")
          .required(INT32)
          .named("n_int32")
          .optional(INT64)
          .named("n_int64")
          .optional(FLOAT)
          .named("n_float")
          .required(DOUBLE)
          .named("n_double")
          .optional(BOOLEAN)
          .named("flag")
          .optional(BINARY)
          .as(stringType())
          .named("name")
          .optional(INT32)
          .as(decimalType(2, 7))
          .named("dec_int32")
          .required(INT64)
          .as(decimalType(4, 18))
          .named("dec_int64")
          .optional(FIXED_LEN_BYTE_ARRAY)
          .length(16)
          .as(decimalType(5, 30))
          .named("dec_fixed")
          .optional(INT32)
          .as(dateType())
          .named("day")
          .optional(INT64)
          .as(timestampType(true, TimeUnit.MICROS))
          .named("ts_utc")
          .required(INT64)
          .as(timestampType(false, TimeUnit.MILLIS))
          .named("ts_local")
          .optional(BINARY)
          .named("blob")
          .optional(FIXED_LEN_BYTE_ARRAY)
          .length(16)
          .as(uuidType())
          .named("uuid")
          .optional(INT96)
          .named("legacy_ts")
          .optional(INT32)
          .as(intType(8, true))
          .named("tiny")
          .required(INT32)
          .as(intType(32, false))
          .named("u32")
          .optional(INT64)
          .as(timeType(false, TimeUnit.MICROS))
          .named("t_micros")
          .named("library");

  private WideLibrary() {}

  /** Every cell of row {@code i}, in schema order (smiles, id, then pass-through). */
  static Object[] cells(int i) {
    return new Object[] {
      "c1ccccc1" + "C".repeat(i % 5) + "O",
      i % 10 == 3 ? null : "ID" + (1000 + i),
      i == 1 ? Integer.MAX_VALUE : i * 7 - 100,
      i % 3 == 0 ? null : i * 10_000_000_000L,
      i % 4 == 1 ? null : i * 0.5f,
      i / 3.0,
      i % 5 == 2 ? null : i % 2 == 0,
      i % 6 == 5 ? null : "mol-" + i + "-\u00e9",
      i % 7 == 0 ? null : i * 123,
      i * 1_000_003L - 5000,
      i % 8 == 1 ? null : fixed(BigInteger.valueOf(i).multiply(BigInteger.TEN.pow(20)).negate()),
      i % 9 == 4 ? null : 19000 + i,
      i % 10 == 7 ? null : 1_700_000_000_000_000L + i * 1_000_000L,
      1_600_000_000_000L + i * 60_000L,
      i % 11 == 10 ? null : Binary.fromConstantByteArray(new byte[] {(byte) i, 0, (byte) 255}),
      i % 12 == 0 ? null : uuid(i),
      i % 13 == 6 ? null : int96(2440588 + i, i * 1_000_000_000L),
      i % 14 == 3 ? null : i - 20,
      (int) (3_000_000_000L + i),
      i % 15 == 9 ? null : (i * 3_600_000_000L) % 86_400_000_000L,
    };
  }

  /** The pass-through cells of row {@code i} as the reader gives them (strings as Binary). */
  static Object[] passThrough(int i) {
    return Arrays.stream(cells(i), 2, SCHEMA.getFieldCount())
        .map(v -> v instanceof String s ? Binary.fromString(s) : v)
        .toArray();
  }

  /** Writes rows 0..rows-1. */
  static Path write(Path file, int rows) throws IOException {
    return write(file, SCHEMA, IntStream.range(0, rows).mapToObj(WideLibrary::cells).toList());
  }

  /** Writes any flat schema; cells are Integer, Long, Float, Double, Boolean, String or Binary. */
  static Path write(Path file, MessageType schema, List<Object[]> rows) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Object[] row : rows) {
        Group group = groups.newGroup();
        for (int c = 0; c < row.length; c++) {
          append(group, schema.getType(c), row[c]);
        }
        writer.write(group);
      }
    }
    return file;
  }

  private static void append(Group group, Type type, Object value) {
    String name = type.getName();
    if (value == null) {
      return;
    } else if (value instanceof Integer v) {
      group.append(name, v);
    } else if (value instanceof Long v) {
      group.append(name, v);
    } else if (value instanceof Float v) {
      group.append(name, v);
    } else if (value instanceof Double v) {
      group.append(name, v);
    } else if (value instanceof Boolean v) {
      group.append(name, v);
    } else if (value instanceof String v) {
      group.append(name, v);
    } else {
      group.append(name, (Binary) value);
    }
  }

  /** A 16-byte big-endian two's-complement decimal. */
  static Binary fixed(BigInteger unscaled) {
    byte[] bytes = unscaled.toByteArray();
    byte[] padded = new byte[16];
    Arrays.fill(padded, unscaled.signum() < 0 ? (byte) 0xff : 0);
    System.arraycopy(bytes, 0, padded, 16 - bytes.length, bytes.length);
    return Binary.fromConstantByteArray(padded);
  }

  private static Binary uuid(int i) {
    return Binary.fromConstantByteArray(
        ByteBuffer.allocate(16).putLong(0x1234_5678_9abc_def0L + i).putLong(i * 31L).array());
  }

  /** INT96 timestamp: nanoseconds of day then Julian day, little-endian. */
  private static Binary int96(int julianDay, long nanosOfDay) {
    return Binary.fromConstantByteArray(
        ByteBuffer.allocate(12)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(nanosOfDay)
            .putInt(julianDay)
            .array());
  }
}
