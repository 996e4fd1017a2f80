package org.transformpipeline.parquet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.transformpipeline.pipeline.Lineage;
import org.transformpipeline.pipeline.ProductRow;

/**
 * Writes {@link ProductRow}s: five product columns, then the input's pass-through columns with
 * their exact types. Rows must pass {@link #check} first: Parquet's writer refuses all further rows
 * after one fails half-way. Not thread-safe.
 */
final class ProductWriteSupport extends RowWriteSupport<ProductRow> {

  /** The product columns, in order, before the pass-through columns. */
  static final List<String> PRODUCT_COLUMNS =
      List.of(
          "product_smiles",
          "parent_id",
          "parent_smiles",
          "transform",
          "site",
          "fragment",
          "product_id",
          "generation",
          "root_id",
          "pathway",
          "score");

  private final List<PrimitiveType> passThrough;

  ProductWriteSupport(InputSchema input, Map<String, String> metadata) {
    super(schema(input), metadata);
    this.passThrough = input.passThrough().stream().map(Type::asPrimitiveType).toList();
  }

  /**
   * The output schema for an input: {@code product_smiles, parent_id, parent_smiles, transform}
   * (required strings), {@code site} and {@code fragment} (required int32; fragment 0 for a whole
   * product, 1, 2, ... for the components of a split cleavage product), the lineage columns {@code
   * product_id} (string), {@code generation} (int32), {@code root_id}, {@code pathway} (strings)
   * and {@code score} (double), all required, then the pass-through columns.
   *
   * @throws OutputException when a pass-through column's name equals a product column's, ignoring
   *     case (as DuckDB and Spark do)
   */
  static MessageType schema(InputSchema input) {
    List<Type> fields = new ArrayList<>();
    for (String name : PRODUCT_COLUMNS.subList(0, 4)) {
      fields.add(text(name));
    }
    fields.add(Types.required(PrimitiveTypeName.INT32).named("site"));
    fields.add(Types.required(PrimitiveTypeName.INT32).named("fragment"));
    fields.add(text("product_id"));
    fields.add(Types.required(PrimitiveTypeName.INT32).named("generation"));
    fields.add(text("root_id"));
    fields.add(text("pathway"));
    fields.add(Types.required(PrimitiveTypeName.DOUBLE).named("score"));
    Map<String, String> taken = new HashMap<>();
    PRODUCT_COLUMNS.forEach(name -> taken.put(name, name));
    for (Type column : input.passThrough()) {
      String clash = taken.get(column.getName().toLowerCase(Locale.ROOT));
      if (clash != null) {
        throw new OutputException(
            "input column '"
                + column.getName()
                + "' clashes with output column '"
                + clash
                + "', which every products file has; rename it in the input (for example"
                + " DuckDB: COPY (SELECT * RENAME ("
                + column.getName()
                + " AS input_"
                + column.getName()
                + ")) ...)");
      }
      fields.add(column);
    }
    return new MessageType("product", fields);
  }

  private static Type text(String name) {
    return Types.required(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named(name);
  }

  @Override
  void writeFields(ProductRow row) {
    string(0, row.productSmiles());
    string(1, row.parentId());
    string(2, row.parentSmiles());
    string(3, row.transform());
    RecordConsumer consumer = consumer();
    consumer.startField("site", 4);
    consumer.addInteger(row.site());
    consumer.endField("site", 4);
    consumer.startField("fragment", 5);
    consumer.addInteger(row.fragment());
    consumer.endField("fragment", 5);
    Lineage lineage = row.lineage();
    string(6, row.productId());
    consumer.startField("generation", 7);
    consumer.addInteger(lineage.generation());
    consumer.endField("generation", 7);
    string(8, lineage.rootId());
    string(9, lineage.pathway());
    consumer.startField("score", 10);
    consumer.addDouble(lineage.score());
    consumer.endField("score", 10);
    Object[] cells = row.passThrough();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] != null) {
        PrimitiveType type = passThrough.get(i);
        int index = PRODUCT_COLUMNS.size() + i;
        consumer.startField(type.getName(), index);
        writeCell(type.getPrimitiveTypeName(), cells[i]);
        consumer.endField(type.getName(), index);
      }
    }
  }

  private void writeCell(PrimitiveTypeName physical, Object value) {
    RecordConsumer consumer = consumer();
    switch (physical) {
      case INT32 -> consumer.addInteger((Integer) value);
      case INT64 -> consumer.addLong((Long) value);
      case FLOAT -> consumer.addFloat((Float) value);
      case DOUBLE -> consumer.addDouble((Double) value);
      case BOOLEAN -> consumer.addBoolean((Boolean) value);
      case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> consumer.addBinary(binary(value));
    }
  }

  private static Binary binary(Object value) {
    return value instanceof String s ? Binary.fromString(s) : (Binary) value;
  }

  /**
   * Rejects a row that would make an invalid record.
   *
   * @throws IllegalArgumentException naming the parent, the column and the problem
   */
  @Override
  void check(ProductRow row) {
    String parent = row.parentId();
    requireText(row.productSmiles(), "product_smiles", parent);
    requireText(parent, "parent_id", parent);
    requireText(row.parentSmiles(), "parent_smiles", parent);
    requireText(row.transform(), "transform", parent);
    requireText(row.productId(), "product_id", parent);
    if (row.lineage() == null) {
      throw new IllegalArgumentException("product of parent '" + parent + "': no lineage");
    }
    Object[] cells = row.passThrough();
    if (cells == null || cells.length != passThrough.size()) {
      throw new IllegalArgumentException(
          "product of parent '"
              + parent
              + "': "
              + (cells == null ? "no" : cells.length)
              + " pass-through values for "
              + passThrough.size()
              + " columns");
    }
    for (int i = 0; i < cells.length; i++) {
      PrimitiveType type = passThrough.get(i);
      String problem = problem(type, cells[i]);
      if (problem != null) {
        throw new IllegalArgumentException(
            "product of parent '"
                + parent
                + "': column '"
                + type.getName()
                + "' ("
                + InputSchema.describe(type)
                + "): "
                + problem);
      }
    }
  }

  private static void requireText(String value, String column, String parent) {
    if (value == null) {
      throw new IllegalArgumentException(
          "product of parent '" + parent + "': required column '" + column + "' is null");
    }
  }

  /** Why a value cannot go in a column, or null when it can. */
  private static String problem(PrimitiveType type, Object value) {
    if (value == null) {
      return type.isRepetition(Type.Repetition.REQUIRED) ? "required value is null" : null;
    }
    Class<?> expected =
        switch (type.getPrimitiveTypeName()) {
          case INT32 -> Integer.class;
          case INT64 -> Long.class;
          case FLOAT -> Float.class;
          case DOUBLE -> Double.class;
          case BOOLEAN -> Boolean.class;
          case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> Binary.class;
        };
    boolean binaryText = expected == Binary.class && value instanceof String;
    if (!expected.isInstance(value) && !binaryText) {
      return "expected " + expected.getSimpleName() + ", got " + value.getClass().getSimpleName();
    }
    int fixedLength =
        switch (type.getPrimitiveTypeName()) {
          case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
          case INT96 -> 12;
          default -> -1;
        };
    if (fixedLength >= 0 && binary(value).length() != fixedLength) {
      return "expected " + fixedLength + " bytes, got " + binary(value).length();
    }
    return null;
  }
}
