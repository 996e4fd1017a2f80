package org.transformpipeline.cli;

import org.transformpipeline.chem.ChemistryOptions;
import org.transformpipeline.chem.FragmentMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --fragments keep|split} option of the commands that make products ({@code @Mixin});
 * with the library's {@code --dialect} it becomes one {@link ChemistryOptions}.
 */
public final class FragmentsOption {

  @Option(
      names = "--fragments",
      paramLabel = "MODE",
      defaultValue = "keep",
      converter = ModeConverter.class,
      description =
          "A product with several components (a cleavage): keep = one product holding them all"
              + " with the parent's other components; split = one product per component the"
              + " transform touched (column fragment), counter-ions left out."
              + " Default: ${DEFAULT-VALUE}.")
  FragmentMode fragments;

  /** The chemistry choices of the command line: this mode and the library options' dialect. */
  public ChemistryOptions chemistry(TransformLibraryOptions library) {
    return new ChemistryOptions(library.dialect(), fragments);
  }

  /** Reads {@code keep} or {@code split}, in any case. */
  static final class ModeConverter implements ITypeConverter<FragmentMode> {
    @Override
    public FragmentMode convert(String value) {
      return FragmentMode.named(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown --fragments mode '" + value + "' (known: keep, split)"));
    }
  }
}
