package org.transformpipeline.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.FragmentMode;
import org.transformpipeline.chem.TransformDefinition;
import org.transformpipeline.parquet.InputException;
import org.transformpipeline.parquet.ParquetFiles;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.DedupSettings;

/**
 * What must be the same for {@code apply --resume} to continue a killed run and end with the output
 * an uninterrupted run would have made: the input file (path, size, modification time and a
 * checksum of its footer) and every option that changes the output or the counts (not {@code
 * --workers} or {@code --max-in-flight}, which change neither). Stateless.
 */
public final class RunIdentity {

  /** Footers longer than this are checksummed over their last this-many bytes. */
  private static final int MAX_FOOTER_BYTES = 16 << 20;

  private RunIdentity() {}

  /**
   * The identity as readable name/value pairs, names as the user knows them (option names).
   *
   * @throws InputException when the input cannot be read (it was readable a moment before)
   */
  public static Map<String, String> of(
      RunInput input,
      int batchSize,
      List<TransformDefinition> transforms,
      DedupSettings dedup,
      EnumerationLimits limits,
      FragmentMode fragments) {
    Map<String, String> id = new LinkedHashMap<>();
    Path file = input.file().toAbsolutePath().normalize();
    id.put("--input", file.toString());
    try {
      id.put("input size", Long.toString(Files.size(file)));
      id.put("input modified", Files.getLastModifiedTime(file).toString());
      id.put("input footer", footerChecksum(file));
    } catch (IOException e) {
      throw new InputException(input.file() + ": cannot read: " + e.getMessage(), e);
    }
    id.put("--smiles-column", input.smilesColumn());
    id.put(
        "--id-column",
        input.idColumn().explicit() ? input.idColumn().name() : "(id if present, else row number)");
    id.put("--batch-size", Integer.toString(batchSize));
    id.put(
        "transforms",
        transforms.stream().map(TransformDefinition::name).collect(Collectors.joining(",")));
    id.put("transform definitions", digest(transforms));
    id.put("--dedup", dedup.mode().optionValue());
    if (dedup.mode() == DedupMode.BLOOM) {
      id.put("--expected-products", Long.toString(dedup.expectedProducts()));
      id.put("--bloom-fpp", Double.toString(dedup.bloomFpp()));
    }
    id.put(
        "--dedup-state",
        dedup.stateFile() == null
            ? "(none)"
            : dedup.stateFile().toAbsolutePath().normalize().toString());
    id.put("--max-products-per-parent", Integer.toString(limits.maxProductsPerParent()));
    id.put("--max-heavy-atoms", Integer.toString(limits.maxHeavyAtoms()));
    id.put("--time-per-parent", Long.toString(limits.timePerParent().toMillis()));
    id.put("--fragments", fragments.label());
    id.put("tool version", ParquetFiles.toolVersion());
    return id;
  }

  /**
   * What a resumed run must share with the interrupted one about its generations: the scenario (or
   * number of generations) and the pruning options.
   */
  public static Map<String, String> of(Generations generations) {
    Map<String, String> id = new LinkedHashMap<>();
    id.put("--generations/--scenario", generations.scenario().label());
    id.put("--exclude-inputs", Boolean.toString(generations.excludeInputs()));
    id.put("--min-score", Double.toString(generations.minScore()));
    id.put("--max-products-per-root", Integer.toString(generations.maxProductsPerRoot()));
    return id;
  }

  /** CRC32C of the Parquet footer (its length is in the 4 bytes before the final PAR1). */
  private static String footerChecksum(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long length = Math.min(size, 8);
      if (size >= 8) {
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(tail, size - 8);
        length =
            Math.min(size, 8 + Math.min(Integer.toUnsignedLong(tail.getInt(0)), MAX_FOOTER_BYTES));
      }
      ByteBuffer footer = ByteBuffer.allocate((int) length);
      while (footer.hasRemaining()
          && channel.read(footer, size - length + footer.position()) >= 0) {
        // fill
      }
      CRC32C crc = new CRC32C();
      crc.update(footer.flip());
      return "crc32c:" + HexFormat.of().toHexDigits((int) crc.getValue()) + ",bytes:" + length;
    }
  }

  /** SHA-256 of what in the transforms changes products: name, SMIRKS, dialect and site limit. */
  private static String digest(List<TransformDefinition> transforms) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (TransformDefinition t : transforms) {
        sha.update(
            (t.name()
                    + "\t"
                    + t.smirks()
                    + "\t"
                    + t.dialect()
                    + "\t"
                    + t.maxSites()
                    + "\t"
                    + t.probability()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
