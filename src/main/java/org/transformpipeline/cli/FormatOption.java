package org.transformpipeline.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.transformpipeline.convert.FileFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --format} and {@code --to}: {@code auto} (null) or a {@link FileFormat}. */
final class FormatOption {

  /** The value that means: decide from the file extension. */
  static final String AUTO = "auto";

  private FormatOption() {}

  /** Parses a format name ignoring case; {@code auto} gives null. */
  static final class Converter implements ITypeConverter<FileFormat> {
    @Override
    public FileFormat convert(String value) {
      if (value.equalsIgnoreCase(AUTO)) {
        return null;
      }
      FileFormat format = FileFormat.fromLabel(value);
      if (format == null) {
        throw new TypeConversionException(
            "expected one of " + String.join(", ", new Labels()) + " but was '" + value + "'");
      }
      return format;
    }
  }

  /** The command-line names, for help and completion. */
  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> labels = new ArrayList<>(List.of(AUTO));
      for (FileFormat format : FileFormat.values()) {
        labels.add(format.label());
      }
      return labels.iterator();
    }
  }
}
