package org.transformpipeline.chem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transforms a run applies, each one validated when the library is loaded, before any input is
 * read. A bad file gives one {@link TransformLibraryException} whose message names the file, the
 * transform and, for a bad SMIRKS, the position:
 *
 * <pre>
 * config/x.yaml: transform 'bad_one': unbalanced '[' at position 6
 *   [c:1][OH:2&gt;&gt;[c:1]O
 *        ^
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TransformLibrary {

  /** {@link #source()} of the library shipped in the jar. */
  public static final String BUILT_IN = "built-in";

  /** Classpath location of the default library (a copy of config/transforms.yaml). */
  static final String RESOURCE = "/org/transformpipeline/transforms.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(TransformLibrary.class);

  private final String source;
  private final List<TransformDefinition> transforms;
  private final ProductFilter filter;

  private TransformLibrary(
      String source, List<TransformDefinition> transforms, ProductFilter filter) {
    this.source = source;
    this.transforms = List.copyOf(transforms);
    this.filter = filter;
  }

  /**
   * Loads and validates a transform file; YAML for {@code .yaml}/{@code .yml}, JSON for {@code
   * .json}, tab-separated rule lines ({@link RuleLines}) for {@code .txt}/{@code .tsv}.
   *
   * @throws TransformLibraryException naming the file, transform and problem
   */
  public static TransformLibrary load(Path file) {
    String source = file.toString();
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    TransformFile.Format format =
        switch (extension) {
          case "yaml", "yml" -> TransformFile.Format.YAML;
          case "json" -> TransformFile.Format.JSON;
          case "txt", "tsv" -> TransformFile.Format.RULE_LINES;
          default ->
              throw new TransformLibraryException(
                  source
                      + ": unknown transform file type (expected .yaml, .yml, .json, .txt or"
                      + " .tsv)");
        };
    try (InputStream in = Files.newInputStream(file)) {
      TransformLibrary library = read(source, in, format);
      if (format != TransformFile.Format.RULE_LINES) {
        return library;
      }
      // rule lines have no category: the file's name (phase1.txt: phase1) groups them
      String stem = fileName.substring(0, fileName.lastIndexOf('.'));
      return new TransformLibrary(
          source,
          library.transforms.stream()
              .map(t -> t.category().isEmpty() ? t.inCategory(stem) : t)
              .toList(),
          library.filter);
    } catch (NoSuchFileException e) {
      throw new TransformLibraryException(source + ": no such transform file", e);
    } catch (IOException e) {
      throw new TransformLibraryException(source + ": cannot read the transform file: " + e, e);
    }
  }

  /**
   * Several libraries as one ({@code --transforms a.txt --transforms b.txt}), their transforms in
   * order.
   *
   * @throws TransformLibraryException when two of them name a transform alike
   */
  public static TransformLibrary combine(List<TransformLibrary> libraries) {
    if (libraries.size() == 1) {
      return libraries.get(0);
    }
    Map<String, String> seen = new HashMap<>();
    List<TransformDefinition> all = new ArrayList<>();
    ProductFilter filter = ProductFilter.NONE;
    String filterSource = null;
    for (TransformLibrary library : libraries) {
      if (!library.filter.isEmpty()) {
        if (filterSource != null) {
          throw new TransformLibraryException(
              library.source
                  + ": has a 'filters' block, and so has "
                  + filterSource
                  + "; give the filters in one file (or as --filter-* options)");
        }
        filter = library.filter;
        filterSource = library.source;
      }
      for (TransformDefinition t : library.transforms) {
        String earlier = seen.putIfAbsent(t.name(), library.source);
        if (earlier != null) {
          throw new TransformLibraryException(
              library.source
                  + ": transform '"
                  + t.name()
                  + "' is also in "
                  + earlier
                  + "; names must be unique across --transforms files");
        }
        all.add(t);
      }
    }
    return new TransformLibrary(
        String.join(" + ", libraries.stream().map(TransformLibrary::source).toList()), all, filter);
  }

  /** The library shipped in the jar ({@link #source()} is {@value #BUILT_IN}). */
  public static TransformLibrary defaults() {
    try (InputStream in = TransformLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the built-in transform library " + RESOURCE + " is missing");
      }
      return read(BUILT_IN, in, TransformFile.Format.YAML);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in transform library", e);
    }
  }

  /** Reads and validates a library from a stream; {@code source} names it in messages. */
  static TransformLibrary read(String source, InputStream in, TransformFile.Format format)
      throws IOException {
    TransformFile.Contents contents =
        format == TransformFile.Format.RULE_LINES
            ? new TransformFile.Contents(RuleLines.read(source, in), ProductFilter.NONE)
            : TransformFile.read(source, in, format);
    return validated(source, contents.transforms(), contents.filter());
  }

  /**
   * This library with every transform read in {@code dialect} (the {@code --dialect} option),
   * validated again in it.
   *
   * @throws TransformLibraryException if a SMIRKS cannot be expressed in that dialect
   */
  public TransformLibrary inDialect(Dialect dialect) {
    return validated(source, transforms.stream().map(t -> t.inDialect(dialect)).toList(), filter);
  }

  private static TransformLibrary validated(
      String source, List<TransformDefinition> transforms, ProductFilter filter) {
    for (TransformDefinition transform : transforms) {
      SmirksCheck.Result result = SmirksCheck.check(transform.smirks(), transform.dialect());
      Optional<SmirksCheck.Problem> problem = result.problem();
      if (problem.isPresent()) {
        throw new TransformLibraryException(smirksMessage(source, transform, problem.get()));
      }
      for (String warning : result.warnings()) {
        LOG.warn("{}: transform '{}': CDK: {}", source, transform.name(), warning);
      }
    }
    return new TransformLibrary(source, transforms, filter);
  }

  static String smirksMessage(
      String source, TransformDefinition transform, SmirksCheck.Problem problem) {
    int position = problem.position();
    return source
        + ": transform '"
        + transform.name()
        + "': "
        + problem.message()
        + " at position "
        + position
        + "\n"
        + "  "
        + transform.smirks()
        + "\n"
        + "  "
        + " ".repeat(position - 1)
        + "^";
  }

  /**
   * The named transforms only, in library order.
   *
   * @throws TransformLibraryException if a name is not in the library (the message lists the known
   *     names) or no name is given
   */
  public TransformLibrary only(Collection<String> names) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : names) {
      if (!name.isBlank()) {
        wanted.add(name.strip());
      }
    }
    if (wanted.isEmpty()) {
      throw new TransformLibraryException(
          source + ": no transform named (known: " + knownNames() + ")");
    }
    Set<String> known =
        transforms.stream().map(TransformDefinition::name).collect(Collectors.toSet());
    List<String> unknown = wanted.stream().filter(n -> !known.contains(n)).toList();
    if (!unknown.isEmpty()) {
      String list = unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
      throw new TransformLibraryException(
          source
              + ": unknown transform"
              + (unknown.size() > 1 ? "s " : " ")
              + list
              + " (known: "
              + knownNames()
              + ")");
    }
    List<TransformDefinition> selected = new ArrayList<>();
    for (TransformDefinition transform : transforms) {
      if (wanted.contains(transform.name())) {
        selected.add(transform);
      }
    }
    return new TransformLibrary(source, selected, filter);
  }

  /** The transforms in file order. */
  public List<TransformDefinition> transforms() {
    return transforms;
  }

  /** The file's {@code filters:} block ({@link ProductFilter#NONE} when it has none). */
  public ProductFilter filter() {
    return filter;
  }

  /** The file the library came from, or {@value #BUILT_IN}. */
  public String source() {
    return source;
  }

  private String knownNames() {
    return transforms.stream().map(TransformDefinition::name).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "TransformLibrary[" + source + ", " + transforms.size() + " transforms]";
  }
}
