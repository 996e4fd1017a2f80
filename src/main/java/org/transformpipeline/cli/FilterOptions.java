package org.transformpipeline.cli;

import java.util.List;
import java.util.Set;
import org.transformpipeline.chem.ProductFilter;
import picocli.CommandLine.Option;

/**
 * The product filters of {@code apply} ({@code @Mixin}): what every product of every generation
 * must be to be written, each criterion a {@link ProductFilter} field. An option given replaces the
 * same criterion of the library's {@code filters:} block; the others stay.
 */
public final class FilterOptions {

  @Option(
      names = "--filter-min-weight",
      paramLabel = "G_PER_MOL",
      description =
          "Drop (count as filtered) products lighter than this molecular weight (g/mol)."
              + " Default: none.")
  Double minWeight;

  @Option(
      names = "--filter-max-weight",
      paramLabel = "G_PER_MOL",
      description =
          "Drop (count as filtered) products heavier than this molecular weight (g/mol)."
              + " Default: none.")
  Double maxWeight;

  @Option(
      names = "--filter-min-heavy-atoms",
      paramLabel = "N",
      description = "Drop (count as filtered) products with fewer heavy atoms. Default: none.")
  Integer minHeavyAtoms;

  @Option(
      names = "--filter-max-heavy-atoms",
      paramLabel = "N",
      description = "Drop (count as filtered) products with more heavy atoms. Default: none.")
  Integer maxHeavyAtoms;

  @Option(
      names = "--filter-elements",
      paramLabel = "C,N,O,...",
      description =
          "Keep only products made of these heavy elements (comma-separated; H is always"
              + " allowed). Default: any.")
  String elements;

  @Option(
      names = "--filter-match",
      paramLabel = "SMARTS",
      description =
          "Keep only products matching this SMARTS (repeatable: all must match). Default: none.")
  List<String> mustMatch;

  @Option(
      names = "--filter-no-match",
      paramLabel = "SMARTS",
      description =
          "Drop (count as filtered) products matching this SMARTS (repeatable). Default: none.")
  List<String> mustNotMatch;

  /**
   * These options over the library's block.
   *
   * @throws UserException (usage) naming the option when a value is out of range or does not parse
   */
  ProductFilter filter(ProductFilter library) {
    try {
      return new ProductFilter(
              minWeight,
              maxWeight,
              minHeavyAtoms,
              maxHeavyAtoms,
              elements == null ? Set.of() : ProductFilter.elementList(elements),
              mustMatch,
              mustNotMatch)
          .orElse(library);
    } catch (IllegalArgumentException e) {
      throw UserException.usage("--filter-" + optionName(e.getMessage()));
    }
  }

  /**
   * The message with its criterion name spelled as the option ("max_weight 3" -> "max-weight 3").
   */
  private static String optionName(String message) {
    String criterion = message.split("[ :]", 2)[0];
    String option =
        switch (criterion) {
          case "must_match" -> "match";
          case "must_not_match" -> "no-match";
          default -> criterion.replace('_', '-');
        };
    return option + message.substring(criterion.length());
  }
}
