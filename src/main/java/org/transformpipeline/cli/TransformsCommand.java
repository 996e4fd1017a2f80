package org.transformpipeline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.Product;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.ProductRejection;
import org.transformpipeline.chem.Rejection;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.chem.TransformLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code transforms list} prints the transform library; {@code transforms check} applies it to the
 * first molecules of a SMILES file and prints each parent with its products.
 */
@Command(
    name = "transforms",
    mixinStandardHelpOptions = true,
    description = "Show the transform library, or try it on a few molecules.",
    subcommands = {TransformsCommand.ListTransforms.class, TransformsCommand.CheckTransforms.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  transform.jar transforms list",
      "  transform.jar transforms list --transforms my-transforms.yaml",
      "  transform.jar transforms check --input test-data/nci_first_5k.smi --limit 10",
      "  transform.jar transforms check --input my.smi --only phenol_o_sulfation",
      "",
      "Exit codes: 0 ok, 1 failure (check: the SMILES file cannot be read), 2 usage error"
          + " (bad option, missing subcommand, bad transform library or --only name)."
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
        "  transform.jar transforms list --transforms my-transforms.yaml --only a,b",
        "",
        "Exit codes: 0 ok, 1 failure, 2 usage error (bad option, bad transform library, its"
            + " file missing, or an --only name not in it)."
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
      out.println(
          count + (count == 1 ? " transform" : " transforms") + " from " + library.source());
      out.flush();
    }
  }

  /** {@code transforms check}: each of the first molecules of a SMILES file and its products. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Apply the transforms to the first molecules of a SMILES file and print each parent with"
            + " its products (canonical SMILES, transform, site), or why it has none.",
        "The library is validated before the input is read."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  transform.jar transforms check --input test-data/nci_first_5k.smi",
        "  transform.jar transforms check --input my.smi --limit 5 --only a_name,b_name",
        "  transform.jar transforms check --input my.smi --transforms my-transforms.yaml",
        "",
        "Exit codes: 0 ok (whatever the molecules gave), 1 failure (the SMILES file cannot be"
            + " read), 2 usage error (bad option, bad transform library or --only name)."
      })
  static final class CheckTransforms implements Runnable {

    @Spec CommandSpec spec;

    @Mixin TransformLibraryOptions libraryOptions;

    @Mixin FragmentsOption fragmentsOption;

    @Option(
        names = "--input",
        required = true,
        paramLabel = "FILE",
        description =
            "SMILES file: one molecule a line, the SMILES then optionally whitespace and an id"
                + " (.smi; .gz is decompressed).")
    Path input;

    @Option(
        names = "--limit",
        defaultValue = "20",
        paramLabel = "N",
        description =
            "How many molecules to try, from the top of the file. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public void run() {
      if (limit < 1) {
        throw new ParameterException(
            spec.commandLine(), "--limit must be at least 1, not " + limit);
      }
      TransformLibrary library = libraryOptions.library();
      ProductEnumerator enumerator =
          new ProductEnumerator(
              library.transforms(),
              EnumerationLimits.defaults(),
              fragmentsOption.chemistry(libraryOptions).fragments());
      PrintWriter out = spec.commandLine().getOut();
      int nameWidth =
          library.transforms().stream().mapToInt(t -> t.name().length()).max().orElse(0);
      int parents = 0;
      int derivatized = 0;
      int products = 0;
      int noSite = 0;
      int rejected = 0;
      try (BufferedReader reader = open(input)) {
        int lineNumber = 0;
        String line;
        while (parents < limit && (line = reader.readLine()) != null) {
          lineNumber++;
          String[] fields = line.strip().split("\\s+", 2);
          if (fields[0].isEmpty()) {
            continue;
          }
          parents++;
          String id = fields.length > 1 ? fields[1] : "line " + lineNumber;
          out.println(parents + "  " + id + "  " + fields[0]);
          ParentOutcome outcome = enumerator.enumerate(fields[0]);
          if (outcome instanceof ParentOutcome.Derivatized d) {
            derivatized++;
            products += d.products().size();
            for (Product p : d.products()) {
              String fragment = p.fragment() == 0 ? "" : "fragment " + p.fragment() + "  ";
              out.printf(
                  "    %-" + nameWidth + "s  site %-3d  %s%s%n",
                  p.transform(),
                  p.site(),
                  fragment,
                  p.smiles());
            }
            for (ProductRejection r : d.productRejections()) {
              out.println(
                  "    product rejected: " + r.rejection().reason() + " (" + r.transform() + ")");
            }
            if (d.capped() > 0) {
              out.println("    capped: " + d.capped() + " sites not applied (per-parent limits)");
            }
          } else if (outcome instanceof ParentOutcome.NoSiteMatched) {
            noSite++;
            out.println("    no site matched");
          } else if (outcome instanceof ParentOutcome.Rejected r) {
            rejected++;
            out.println("    rejected: " + r.rejection().category() + reasonDetail(r.rejection()));
          }
        }
      } catch (NoSuchFileException e) {
        throw UserException.failure(input + ": no such file", e);
      } catch (IOException e) {
        throw UserException.failure(input + ": cannot read: " + e.getMessage(), e);
      }
      out.println();
      out.printf(
          "%d molecules from %s, %d transforms from %s: %d with products (%d products),"
              + " %d with no site, %d rejected%n",
          parents,
          input,
          library.transforms().size(),
          library.source(),
          derivatized,
          products,
          noSite,
          rejected);
      out.flush();
    }

    private static String reasonDetail(Rejection rejection) {
      int colon = rejection.reason().indexOf(':');
      return colon < 0 ? "" : rejection.reason().substring(colon);
    }

    private static BufferedReader open(Path file) throws IOException {
      InputStream in = Files.newInputStream(file);
      if (file.getFileName() != null && file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
