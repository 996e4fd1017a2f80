package org.transformpipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.transformpipeline.chem.Dialect;
import org.transformpipeline.chem.TransformLibrary;
import org.transformpipeline.chem.TransformLibraryException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --transforms FILE}, {@code --only a,b} and {@code --dialect D} options shared by the
 * commands that use the transform library ({@code @Mixin}). A bad library is a usage error (exit 2)
 * whose message names the file, the transform and the SMIRKS position.
 */
public final class TransformLibraryOptions {

  @Option(
      names = "--transforms",
      paramLabel = "FILE",
      description =
          "Transform library: YAML (.yaml/.yml), JSON (.json) or tab-separated rule lines"
              + " (.txt/.tsv: SMIRKS, name, optional probability and #comment; their category is"
              + " the file name, e.g. phase1). Repeat to use several. Default: the built-in"
              + " library (see 'transforms list').")
  List<Path> files;

  @Option(
      names = "--dialect",
      paramLabel = "D",
      converter = DialectConverter.class,
      description =
          "Read every SMIRKS as this toolkit does: rdkit, daylight or cdk (literal). Default: the"
              + " library's own (rdkit unless it says otherwise).")
  Dialect dialect;

  @Option(
      names = "--only",
      paramLabel = "NAME",
      split = ",",
      description = "Use only these transforms (comma-separated names). Default: all.")
  List<String> only;

  /** Loads and validates the selected library; a problem becomes a usage error. */
  public TransformLibrary library() {
    try {
      TransformLibrary library =
          files == null || files.isEmpty()
              ? TransformLibrary.defaults()
              : TransformLibrary.combine(files.stream().map(TransformLibrary::load).toList());
      library = dialect().map(library::inDialect).orElse(library);
      return only == null ? library : library.only(only);
    } catch (TransformLibraryException e) {
      throw UserException.usage(e.getMessage());
    }
  }

  /** The {@code --dialect} given, if any. */
  public Optional<Dialect> dialect() {
    return Optional.ofNullable(dialect);
  }

  /** Reads {@code rdkit}, {@code daylight} or {@code cdk}, in any case. */
  static final class DialectConverter implements ITypeConverter<Dialect> {
    @Override
    public Dialect convert(String value) {
      return Dialect.named(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown dialect '" + value + "' (known: " + Dialect.labels() + ")"));
    }
  }
}
