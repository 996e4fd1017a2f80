package org.transformpipeline.parquet;

import java.util.Arrays;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.pipeline.RejectRow;

/** Reads a rejects file written by {@link RejectWriter} back into {@link RejectRow}s. */
final class RejectRowReadSupport extends RowReadSupport<RejectRow> {

  @Override
  MessageType requested(MessageType file) {
    if (!file.equals(RejectWriteSupport.SCHEMA)) {
      throw new IllegalStateException("not a rejects file: " + file);
    }
    return RejectWriteSupport.SCHEMA;
  }

  @Override
  Assembler<RejectRow> assembler(MessageType requested) {
    return new Row();
  }

  private static final class Row extends Assembler<RejectRow> {
    private long rowNumber;
    private int generation;
    private final String[] text = new String[6];

    Row() {
      super(7);
      converters[0] =
          new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
              rowNumber = value;
            }
          };
      converters[6] =
          new PrimitiveConverter() {
            @Override
            public void addInt(int value) {
              generation = value;
            }
          };
      for (int i = 1; i < 6; i++) {
        int index = i;
        converters[i] =
            new PrimitiveConverter() {
              @Override
              public void addBinary(Binary value) {
                text[index] = value.toStringUsingUTF8();
              }
            };
      }
    }

    @Override
    public void start() {
      rowNumber = 0;
      generation = 0;
      Arrays.fill(text, null);
    }

    @Override
    public void end() {
      current =
          new RejectRow(
              rowNumber,
              text[1],
              text[2],
              new Rejection(Rejection.Stage.valueOf(text[3]), text[4]),
              text[5],
              generation);
    }
  }
}
