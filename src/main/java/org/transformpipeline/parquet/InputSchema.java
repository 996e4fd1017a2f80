package org.transformpipeline.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The shape of an input library as the pipeline sees it: which column holds the SMILES, which the
 * ids, and every other top-level column, passed through to the output with its exact Parquet type.
 * Immutable, thread-safe (Parquet {@link Type}s are immutable).
 *
 * <p>Pass-through columns may be any primitive Parquet type (INT32, INT64, FLOAT, DOUBLE, BOOLEAN,
 * BINARY, FIXED_LEN_BYTE_ARRAY, INT96, with any logical annotation) that is OPTIONAL or REQUIRED.
 * Nested (group, LIST, MAP) and REPEATED columns are rejected when the file is opened.
 *
 * @param smilesColumn name of the SMILES column
 * @param idColumn name of the id column, or null when rows are identified by their 0-based row
 *     number
 * @param passThrough every other top-level column, in file order
 * @param rowCount total number of rows, from the file footer
 * @param continuesLineage the file is an {@code apply} output (it has the products columns
 *     product_smiles, parent_id, parent_smiles, transform and site): its rows are products of an
 *     earlier generation, whose lineage columns (generation, root_id, pathway, score; product_id as
 *     the id) are read into each row's lineage and not passed through; a products file written
 *     before the lineage columns existed counts as generation 1, rooted at its parent_id, with its
 *     transform as the pathway and score 1
 */
public record InputSchema(
    String smilesColumn,
    String idColumn,
    List<Type> passThrough,
    long rowCount,
    boolean continuesLineage) {

  private static final int MAX_LISTED_COLUMNS = 30;

  /** The columns that make a file an {@code apply} output. */
  private static final List<String> PRODUCTS_FILE_COLUMNS =
      List.of("product_smiles", "parent_id", "parent_smiles", "transform", "site");

  public InputSchema {
    Objects.requireNonNull(smilesColumn, "smilesColumn");
    passThrough = List.copyOf(passThrough);
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount < 0: " + rowCount);
    }
  }

  /** A library of root molecules (not an {@code apply} output). */
  public InputSchema(String smilesColumn, String idColumn, List<Type> passThrough, long rowCount) {
    this(smilesColumn, idColumn, passThrough, rowCount, false);
  }

  /** Whether a file schema is that of an {@code apply} products file. */
  static boolean isProductsFile(MessageType fileSchema) {
    return PRODUCTS_FILE_COLUMNS.stream().allMatch(fileSchema::containsField);
  }

  /** Names of the pass-through columns, in order. */
  public List<String> passThroughNames() {
    return passThrough.stream().map(Type::getName).toList();
  }

  /**
   * Refuses a nested or repeated column.
   *
   * @param why what the message ends with: why such a column cannot be read
   * @throws InputException naming the file, the column and its type
   */
  static void requireFlat(String file, Type field, String why) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw new InputException(
          file
              + ": column '"
              + field.getName()
              + "' is nested or repeated ("
              + describe(field)
              + "); "
              + why);
    }
  }

  /**
   * Checks a file schema and picks out the SMILES, id and pass-through columns.
   *
   * @param file the file, for messages
   * @throws InputException naming the file and column when the schema cannot be used
   */
  static InputSchema resolve(
      String file, MessageType fileSchema, String smilesColumn, IdColumn id, long rowCount) {
    for (Type field : fileSchema.getFields()) {
      requireFlat(file, field, "only flat columns are supported");
    }
    if (isProductsFile(fileSchema)) {
      return resolveProducts(file, fileSchema, smilesColumn, id, rowCount);
    }
    requireSmilesText(file, smilesColumn, find(file, fileSchema, smilesColumn, "SMILES column"));
    String idName = null;
    if (id.explicit() || fileSchema.containsField(id.name())) {
      if (id.name().equals(smilesColumn)) {
        if (id.explicit()) {
          throw new InputException(
              file + ": id column and SMILES column are the same column '" + smilesColumn + "'");
        }
      } else {
        idName = idColumn(file, fileSchema, id.name());
      }
    }
    List<Type> others = new ArrayList<>();
    for (Type field : fileSchema.getFields()) {
      if (!field.getName().equals(smilesColumn) && !field.getName().equals(idName)) {
        others.add(field);
      }
    }
    return new InputSchema(smilesColumn, idName, others, rowCount);
  }

  /**
   * An {@code apply} output as input: the products are the molecules (product_smiles, unless
   * another column named with --smiles-column is there), product_id their ids (unless --id-column
   * names another), and every column but the products columns is passed through (the roots').
   */
  private static InputSchema resolveProducts(
      String file, MessageType fileSchema, String smilesColumn, IdColumn id, long rowCount) {
    String smiles = fileSchema.containsField(smilesColumn) ? smilesColumn : "product_smiles";
    requireSmilesText(file, smiles, fileSchema.getType(smiles));
    String idName = null;
    if (id.explicit()) {
      idName = idColumn(file, fileSchema, id.name());
    } else if (fileSchema.containsField("product_id")) {
      idName = "product_id";
    }
    List<Type> others = new ArrayList<>();
    for (Type field : fileSchema.getFields()) {
      String name = field.getName();
      if (!name.equals(smiles)
          && !name.equals(idName)
          && !ProductWriteSupport.PRODUCT_COLUMNS.contains(name)) {
        others.add(field);
      }
    }
    return new InputSchema(smiles, idName, others, rowCount, true);
  }

  /** The id column's name, once it is found and is a string or integer column. */
  private static String idColumn(String file, MessageType fileSchema, String name) {
    Type idType = find(file, fileSchema, name, "id column");
    if (!isText(idType.asPrimitiveType(), true)) {
      throw new InputException(
          file
              + ": id column '"
              + name
              + "' must be a string or integer column, found "
              + describe(idType));
    }
    return name;
  }

  private static void requireSmilesText(String file, String name, Type type) {
    if (!isText(type.asPrimitiveType(), false)) {
      throw new InputException(
          file + ": SMILES column '" + name + "' must be a string column, found " + describe(type));
    }
  }

  private static Type find(String file, MessageType schema, String name, String role) {
    if (schema.containsField(name)) {
      return schema.getType(name);
    }
    String hint =
        schema.getFields().stream()
            .map(Type::getName)
            .filter(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .findFirst()
            .map(n -> " (did you mean '" + n + "'?)")
            .orElse("");
    return fail(
        file
            + ": "
            + role
            + " '"
            + name
            + "' not found"
            + hint
            + "; available columns: "
            + columnList(schema));
  }

  private static Type fail(String message) {
    throw new InputException(message);
  }

  private static String columnList(MessageType schema) {
    List<String> names = schema.getFields().stream().map(Type::getName).toList();
    if (names.isEmpty()) {
      return "(none)";
    }
    String listed = names.stream().limit(MAX_LISTED_COLUMNS).collect(Collectors.joining(", "));
    return names.size() > MAX_LISTED_COLUMNS
        ? listed + ", ... (" + names.size() + " columns)"
        : listed;
  }

  /**
   * True for BINARY with no annotation or STRING; with {@code orInteger}, also INT32/INT64 ints.
   */
  static boolean isText(PrimitiveType type, boolean orInteger) {
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    if (physical == PrimitiveTypeName.BINARY) {
      return annotation == null || annotation instanceof StringLogicalTypeAnnotation;
    }
    return orInteger
        && (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
        && (annotation == null || annotation instanceof IntLogicalTypeAnnotation);
  }

  /** The column's schema line without the trailing semicolon, e.g. "optional int32 n (DATE)". */
  static String describe(Type type) {
    StringBuilder sb = new StringBuilder();
    type.writeToStringBuilder(sb, "");
    return sb.toString().replaceAll("\\s+", " ").replaceAll(";", "").trim();
  }
}
