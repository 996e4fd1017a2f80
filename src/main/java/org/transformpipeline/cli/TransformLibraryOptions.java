package org.transformpipeline.cli;

import java.nio.file.Path;
import java.util.List;
import org.transformpipeline.chem.TransformLibrary;
import org.transformpipeline.chem.TransformLibraryException;
import picocli.CommandLine.Option;

/**
 * The {@code --transforms FILE} and {@code --only a,b} options shared by the commands that use the
 * transform library ({@code @Mixin}). A bad library is a usage error (exit 2) whose message names
 * the file, the transform and the SMIRKS position.
 */
public final class TransformLibraryOptions {

  @Option(
      names = "--transforms",
      paramLabel = "FILE",
      description =
          "Transform library, YAML (.yaml/.yml) or JSON (.json). Default: the built-in library"
              + " (see 'transforms list').")
  Path file;

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
          file == null ? TransformLibrary.defaults() : TransformLibrary.load(file);
      return only == null ? library : library.only(only);
    } catch (TransformLibraryException e) {
      throw UserException.usage(e.getMessage());
    }
  }
}
