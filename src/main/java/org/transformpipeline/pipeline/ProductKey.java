package org.transformpipeline.pipeline;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The dedup key of a product: the 128-bit murmur3 hash of its canonical SMILES (UTF-8) as two
 * little-endian longs. Immutable.
 *
 * @param hi first 8 bytes of the hash
 * @param lo last 8 bytes of the hash
 */
public record ProductKey(long hi, long lo) {

  private static final HexFormat HEX = HexFormat.of();
  private static final HashFunction MURMUR3_128 = Hashing.murmur3_128();

  /** The key of a product SMILES. */
  public static ProductKey of(String smiles) {
    HashCode hash = MURMUR3_128.hashString(smiles, StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.wrap(hash.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
    return new ProductKey(bytes.getLong(0), bytes.getLong(8));
  }

  /** The key as 32 lower-case hexadecimal digits, {@code hi} then {@code lo}: a product's id. */
  public String hex() {
    return HEX.toHexDigits(hi) + HEX.toHexDigits(lo);
  }
}
