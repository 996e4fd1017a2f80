package org.transformpipeline.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.listType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad input fails with one line naming the file and what is wrong with it. */
class BatchReaderErrorTest {

  @TempDir Path dir;

  /** Makes the input file of a case in a temporary directory. */
  interface Fixture {
    Path make(Path dir) throws IOException;
  }

  static Stream<Arguments> badInputs() {
    IdColumn byDefault = IdColumn.byDefault();
    return Stream.of(
        Arguments.of(
            "missing file",
            (Fixture) d -> d.resolve("missing.parquet"),
            "smiles",
            byDefault,
            List.of("input file not found", "missing.parquet")),
        Arguments.of(
            "a directory",
            (Fixture) d -> Files.createDirectory(d.resolve("lib.parquet")),
            "smiles",
            byDefault,
            List.of("is a directory", "lib.parquet")),
        Arguments.of(
            "a text file",
            (Fixture) d -> Files.writeString(d.resolve("lib.parquet"), "CCO\t1\nCCN\t2\n"),
            "smiles",
            byDefault,
            List.of("lib.parquet: not a Parquet file")),
        Arguments.of(
            "an empty file",
            (Fixture) d -> Files.write(d.resolve("zero.parquet"), new byte[0]),
            "smiles",
            byDefault,
            List.of("zero.parquet: not a Parquet file")),
        Arguments.of(
            "a Parquet file cut in half",
            (Fixture) d -> truncated(d),
            "smiles",
            byDefault,
            List.of("half.parquet: truncated Parquet file", "no footer")),
        Arguments.of(
            "a footer length pointing outside the file",
            (Fixture) d -> badFooterLength(d),
            "smiles",
            byDefault,
            List.of("badfooter.parquet: corrupt Parquet file")),
        Arguments.of(
            "SMILES column missing",
            (Fixture) d -> WideLibrary.write(d.resolve("wide.parquet"), 2),
            "SMILES",
            byDefault,
            List.of(
                "wide.parquet: SMILES column 'SMILES' not found (did you mean 'smiles'?)",
                "available columns: smiles, id, n_int32")),
        Arguments.of(
            "SMILES column not a string",
            (Fixture) d -> WideLibrary.write(d.resolve("wide.parquet"), 2),
            "n_int32",
            byDefault,
            List.of("wide.parquet: SMILES column 'n_int32' must be a string column", "int32")),
        Arguments.of(
            "explicit id column missing",
            (Fixture) d -> WideLibrary.write(d.resolve("wide.parquet"), 2),
            "smiles",
            IdColumn.explicit("cid"),
            List.of("wide.parquet: id column 'cid' not found", "available columns")),
        Arguments.of(
            "id column of a non-integer type",
            (Fixture) d -> WideLibrary.write(d.resolve("wide.parquet"), 2),
            "smiles",
            IdColumn.explicit("n_double"),
            List.of("id column 'n_double' must be a string or integer column", "double")),
        Arguments.of(
            "id column is the SMILES column",
            (Fixture) d -> WideLibrary.write(d.resolve("wide.parquet"), 2),
            "smiles",
            IdColumn.explicit("smiles"),
            List.of("wide.parquet: id column and SMILES column are the same column 'smiles'")),
        Arguments.of(
            "a LIST column",
            (Fixture) d -> withList(d),
            "smiles",
            byDefault,
            List.of("nested.parquet: column 'tags' is nested or repeated")),
        Arguments.of(
            "a repeated primitive column",
            (Fixture) d -> withRepeated(d),
            "smiles",
            byDefault,
            List.of("repeated.parquet: column 'scores' is nested or repeated", "repeated int64")),
        Arguments.of(
            "a corrupt data page",
            (Fixture) d -> corruptPages(d),
            "smiles",
            byDefault,
            List.of("corrupt.parquet: cannot read row 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsWithOneLineNamingTheFile(
      String name, Fixture fixture, String smilesColumn, IdColumn id, List<String> fragments)
      throws IOException {
    Path file = fixture.make(dir);

    InputException e = assertThrows(InputException.class, () -> readAll(file, smilesColumn, id));

    String message = e.getMessage();
    assertFalse(message.contains("\n"), "one line: " + message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
    }
  }

  private static void readAll(Path file, String smilesColumn, IdColumn id) {
    try (BatchReader reader = BatchReader.open(file, smilesColumn, id, 7)) {
      while (reader.next() != null) {
        // drain
      }
    }
  }

  private static Path truncated(Path dir) throws IOException {
    byte[] whole = Files.readAllBytes(WideLibrary.write(dir.resolve("whole.parquet"), 50));
    return Files.write(dir.resolve("half.parquet"), Arrays.copyOf(whole, whole.length / 2));
  }

  /** A file that starts and ends with PAR1 but whose footer length is nonsense. */
  private static Path badFooterLength(Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(WideLibrary.write(dir.resolve("good.parquet"), 5));
    Arrays.fill(bytes, bytes.length - 8, bytes.length - 4, (byte) 0x7f);
    return Files.write(dir.resolve("badfooter.parquet"), bytes);
  }

  /** A file whose footer is intact but whose first pages are overwritten with garbage. */
  private static Path corruptPages(Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(WideLibrary.write(dir.resolve("good.parquet"), 50));
    byte[] garbage = "garbage!".repeat(8).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(garbage, 0, bytes, 4, garbage.length);
    return Files.write(dir.resolve("corrupt.parquet"), bytes);
  }

  private static Path withList(Path dir) throws IOException {
    MessageType schema =
        Types.buildMessage()
            .required(BINARY)
            .as(stringType())
            .named("smiles")
            .optionalGroup()
            .as(listType())
            .repeatedGroup()
            .optional(INT64)
            .named("element")
            .named("list")
            .named("tags")
            .named("library");
    return WideLibrary.write(dir.resolve("nested.parquet"), schema, List.of());
  }

  private static Path withRepeated(Path dir) throws IOException {
    MessageType schema =
        Types.buildMessage()
            .required(BINARY)
            .as(stringType())
            .named("smiles")
            .repeated(INT64)
            .named("scores")
            .named("library");
    return WideLibrary.write(dir.resolve("repeated.parquet"), schema, List.of());
  }
}
