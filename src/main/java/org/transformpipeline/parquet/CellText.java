package org.transformpipeline.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.Float16LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The text of a Parquet cell as a person (and a CSV reader) expects it, by logical type: strings as
 * they are, integers in decimal (unsigned ones unsigned), decimals exactly, dates and times in
 * ISO-8601 (timestamps adjusted to UTC end in {@code Z}), UUIDs in their usual form, floating point
 * as Java prints it (it reads back to the same value), bytes that are not UTF-8 as {@code 0x} and
 * hex. Stateless, thread-safe.
 */
public final class CellText {

  /** The Julian day number of 1970-01-01. */
  private static final long JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588L;

  private CellText() {}

  /**
   * The text of one value of a column.
   *
   * @param type the column's type
   * @param value the value as Parquet hands it to a converter: {@link Binary}, {@link Integer},
   *     {@link Long}, {@link Float}, {@link Double} or {@link Boolean}; null for a null cell
   * @return the text, or null for a null cell
   */
  public static String of(PrimitiveType type, Object value) {
    if (value == null) {
      return null;
    }
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> ofInt((Integer) value, logical);
      case INT64 -> ofLong((Long) value, logical);
      case INT96 -> ofInt96((Binary) value);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> ofBytes((Binary) value, logical);
      case FLOAT, DOUBLE, BOOLEAN -> value.toString();
    };
  }

  private static String ofInt(int value, LogicalTypeAnnotation logical) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
    }
    if (logical instanceof DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(value).toString();
    }
    if (logical instanceof TimeLogicalTypeAnnotation) {
      return LocalTime.ofNanoOfDay(value * 1_000_000L).toString(); // INT32 times are MILLIS
    }
    if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
      return Integer.toUnsignedString(value);
    }
    return Integer.toString(value);
  }

  private static String ofLong(long value, LogicalTypeAnnotation logical) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
    }
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      Instant instant = Instant.EPOCH.plus(value, unit(timestamp.getUnit()));
      return timestamp.isAdjustedToUTC()
          ? instant.toString()
          : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
    if (logical instanceof TimeLogicalTypeAnnotation time) {
      return LocalTime.MIDNIGHT.plus(value, unit(time.getUnit())).toString();
    }
    if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
      return Long.toUnsignedString(value);
    }
    return Long.toString(value);
  }

  /** The legacy INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
  private static String ofInt96(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong();
    long julianDay = Integer.toUnsignedLong(bytes.getInt());
    LocalDate day = LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_UNIX_EPOCH);
    return day.atStartOfDay().plusNanos(nanosOfDay).toInstant(ZoneOffset.UTC).toString();
  }

  private static String ofBytes(Binary value, LogicalTypeAnnotation logical) {
    byte[] bytes = value.getBytes();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return new BigDecimal(new BigInteger(bytes), decimal.getScale()).toPlainString();
    }
    if (logical instanceof UUIDLogicalTypeAnnotation && bytes.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
    if (logical instanceof Float16LogicalTypeAnnotation && bytes.length == 2) {
      return Float.toString(float16((short) ((bytes[1] & 0xff) << 8 | (bytes[0] & 0xff))));
    }
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return text.toString();
    } catch (CharacterCodingException e) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
  }

  private static ChronoUnit unit(TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> ChronoUnit.MILLIS;
      case MICROS -> ChronoUnit.MICROS;
      case NANOS -> ChronoUnit.NANOS;
    };
  }

  /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
  static float float16(short bits) {
    int sign = (bits >> 15) & 1;
    int exponent = (bits >> 10) & 0x1f;
    int fraction = bits & 0x3ff;
    float magnitude;
    if (exponent == 0) {
      magnitude = fraction * 0x1p-24f; // subnormal
    } else if (exponent == 31) {
      magnitude = fraction == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      magnitude = (1 + fraction / 1024f) * (float) Math.pow(2, exponent - 15);
    }
    return sign == 0 ? magnitude : -magnitude;
  }
}
