package org.transformpipeline.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.pipeline.RejectRow;

/** Reads a rejects file written by {@link RejectWriter} back into {@link RejectRow}s. */
final class RejectRowReadSupport extends ReadSupport<RejectRow> {

  @Override
  public ReadContext init(InitContext context) {
    if (!context.getFileSchema().equals(RejectWriteSupport.SCHEMA)) {
      throw new IllegalStateException("not a rejects file: " + context.getFileSchema());
    }
    return new ReadContext(RejectWriteSupport.SCHEMA);
  }

  @SuppressWarnings("deprecation") // Parquet still declares this Hadoop form abstract
  @Override
  public RecordMaterializer<RejectRow> prepareForRead(
      Configuration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return new Materializer();
  }

  @Override
  public RecordMaterializer<RejectRow> prepareForRead(
      ParquetConfiguration configuration,
      Map<String, String> keyValueMetaData,
      MessageType fileSchema,
      ReadContext readContext) {
    return new Materializer();
  }

  private static final class Materializer extends RecordMaterializer<RejectRow> {
    private final Row root = new Row();

    @Override
    public RejectRow getCurrentRecord() {
      return root.current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private static final class Row extends GroupConverter {
    private final Converter[] converters = new Converter[6];
    private long rowNumber;
    private final String[] text = new String[6];
    private RejectRow current;

    Row() {
      converters[0] =
          new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
              rowNumber = value;
            }
          };
      for (int i = 1; i < converters.length; i++) {
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
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {
      rowNumber = 0;
      java.util.Arrays.fill(text, null);
    }

    @Override
    public void end() {
      current =
          new RejectRow(
              rowNumber,
              text[1],
              text[2],
              new Rejection(Rejection.Stage.valueOf(text[3]), text[4]),
              text[5]);
    }
  }
}
