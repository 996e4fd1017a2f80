package org.transformpipeline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.chem.TransformLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code transforms list} prints the transform library; {@code transforms check} applies it to
 * the first molecules of a SMILES file and prints each parent with its products.
 */
@Command(
    name = "transforms",
    mixinStandardHelpOptions = true,
    description = "Show the transform library, or try it on a few molecules.",
    subcommands = {TransformsCommand.ListTransforms.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar transforms list",
      "  transform.jar transforms list --transforms my-transforms.yaml",
      "  transform.jar transforms check --input test-data/nci_first_5k.smi --limit 10",
      "  transform.jar transforms check --input peptides.smi --only peptide_c_terminal_amidation"
    })
public final class TransformsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: 'list' or 'check'");
  }

  /** {@code transforms list}: one row per transform. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Print the transforms (name, category, SMIRKS, description) after validating the library.",
        "A bad library prints the file, transform and SMIRKS position and exits with 2."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  transform.jar transforms list",
        "  transform.jar transforms list --transforms my-transforms.yaml --only a,b"
      })
  static final class ListTransforms implements Runnable {

    @Spec CommandSpec spec;

    @Mixin TransformLibraryOptions libraryOptions;

    @Override
    public void run() {
      TransformLibrary library = libraryOptions.library();
      PrintWriter out = spec.commandLine().getOut();
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NAME", "CATEGORY", "SMIRKS", "DESCRIPTION"});
      for (TransformDefinition t : library.transforms()) {
        String description = t.description();
        if (t.maxSites() != null) {
          description += " (at most " + t.maxSites() + " sites per parent)";
        }
        rows.add(new String[] {t.name(), t.category(), t.smirks(), description});
      }
      printTable(out, rows);
      out.println();
      int count = library.transforms().size();
      out.println(count + (count == 1 ? " transform" : " transforms") + " from " + library.source());
      out.flush();
    }
  }

  /** Left-aligned columns two spaces apart; the last column is not padded. */
  static void printTable(PrintWriter out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(width[c] - row[c].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
