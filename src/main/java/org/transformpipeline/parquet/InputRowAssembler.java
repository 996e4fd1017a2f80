package org.transformpipeline.parquet;

import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.transformpipeline.pipeline.InputRow;

/**
 * Turns the column values of one Parquet record into an {@link InputRow}: the SMILES and id as
 * text, every other column as a boxed value of its physical type. Rows are numbered from 0 in the
 * order they are read (from a given first number). Not thread-safe: one per reader.
 */
final class InputRowAssembler extends RowReadSupport.Assembler<InputRow> {

  private final int passThroughCount;
  private long nextRowNumber;
  private String smiles;
  private String id;
  private Object[] cells;

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
    for (int i = 0; i < converters.length; i++) {
      Type field = requested.getType(i);
      String name = field.getName();
      if (name.equals(schema.smilesColumn())) {
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
  }

  @Override
  public void end() {
    long rowNumber = nextRowNumber++;
    current = new InputRow(rowNumber, id == null ? Long.toString(rowNumber) : id, smiles, cells);
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
