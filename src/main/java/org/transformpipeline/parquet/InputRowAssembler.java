package org.transformpipeline.parquet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.transformpipeline.pipeline.InputRow;
import org.transformpipeline.pipeline.Lineage;
import org.transformpipeline.pipeline.ProductKey;

/**
 * Turns the column values of one Parquet record into an {@link InputRow}: the SMILES and id as
 * text, every other column as a boxed value of its physical type. Rows are numbered from 0 in the
 * order they are read (from a given first number). Not thread-safe: one per reader.
 */
final class InputRowAssembler extends RowReadSupport.Assembler<InputRow> {

  /**
   * The columns of an {@code apply} output a row's lineage is read from: generation, root_id,
   * pathway, score; parent_id and transform stand for root_id and pathway in a products file
   * written before the lineage columns existed (generation 1).
   */
  private static final List<String> LINEAGE_COLUMNS =
      List.of("generation", "root_id", "pathway", "score", "parent_id", "transform");

  private final int passThroughCount;
  private final boolean continuesLineage;
  private long nextRowNumber;
  private String smiles;
  private String id;
  private Object[] cells;
  // the lineage columns of an apply output (continuesLineage); null or 0 when the file lacks them
  private final Object[] lineage = new Object[LINEAGE_COLUMNS.size()];

  /**
   * @param schema the resolved input schema
   * @param requested the schema being read (the file schema), whose field order indexes the
   *     converters
   * @param firstRowNumber the row number of the first record read
   */
  InputRowAssembler(InputSchema schema, MessageType requested, long firstRowNumber) {
    super(requested.getFieldCount());
    this.nextRowNumber = firstRowNumber;
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < schema.passThrough().size(); i++) {
      slots.put(schema.passThrough().get(i).getName(), i);
    }
    this.passThroughCount = slots.size();
    this.continuesLineage = schema.continuesLineage();
    for (int i = 0; i < converters.length; i++) {
      Type field = requested.getType(i);
      String name = field.getName();
      int lineageSlot = LINEAGE_COLUMNS.indexOf(name);
      if (continuesLineage && lineageSlot >= 0 && !name.equals(schema.smilesColumn())) {
        converters[i] =
            new BoxedCellConverter(
                (at, value) -> lineage[at] = value,
                lineageSlot,
                field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY);
      } else if (continuesLineage
          && ProductWriteSupport.PRODUCT_COLUMNS.contains(name)
          && !name.equals(schema.smilesColumn())
          && !name.equals(schema.idColumn())) {
        converters[i] = new BoxedCellConverter((at, value) -> {}, 0, false); // not needed
      } else if (name.equals(schema.smilesColumn())) {
        converters[i] = new SmilesConverter();
      } else if (name.equals(schema.idColumn())) {
        converters[i] = new IdConverter(field.asPrimitiveType());
      } else {
        Integer slot = slots.get(name);
        if (slot == null) {
          throw new IllegalStateException("column not in the input schema: " + name);
        }
        converters[i] = new BoxedCellConverter((at, value) -> cells[at] = value, slot, false);
      }
    }
  }

  @Override
  public void start() {
    smiles = null;
    id = null;
    cells = new Object[passThroughCount];
    Arrays.fill(lineage, null);
  }

  @Override
  public void end() {
    long rowNumber = nextRowNumber++;
    if (!continuesLineage) {
      current = new InputRow(rowNumber, id == null ? Long.toString(rowNumber) : id, smiles, cells);
      return;
    }
    String productId =
        id != null ? id : smiles == null ? Long.toString(rowNumber) : ProductKey.of(smiles).hex();
    current = new InputRow(rowNumber, productId, smiles, cells, lineage());
  }

  private Lineage lineage() {
    int generation = lineage[0] instanceof Integer g ? g : 1;
    Object root = lineage[1] != null ? lineage[1] : lineage[4];
    Object pathway = lineage[2] != null ? lineage[2] : lineage[5];
    double score = lineage[3] instanceof Double d ? d : 1.0;
    return new Lineage(
        generation,
        root == null ? "" : root.toString(),
        pathway == null ? "" : pathway.toString(),
        score);
  }

  private final class SmilesConverter extends PrimitiveConverter {
    @Override
    public void addBinary(Binary value) {
      smiles = value.toStringUsingUTF8();
    }
  }

  /** Id as text: strings as they are, integers in decimal (unsigned ones as unsigned). */
  private final class IdConverter extends PrimitiveConverter {
    private final boolean unsigned;

    IdConverter(PrimitiveType type) {
      this.unsigned =
          type.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation a && !a.isSigned();
    }

    @Override
    public void addBinary(Binary value) {
      id = value.toStringUsingUTF8();
    }

    @Override
    public void addInt(int value) {
      id = unsigned ? Integer.toUnsignedString(value) : Integer.toString(value);
    }

    @Override
    public void addLong(long value) {
      id = unsigned ? Long.toUnsignedString(value) : Long.toString(value);
    }
  }
}
