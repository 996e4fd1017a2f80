package org.transformpipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The two jars {@code package} builds: Spark stays out of both (it is {@code provided}), the Spark
 * job's classes only in {@code target/transform-spark.jar}, whose main class is the job and whose
 * Jackson and Guava are relocated (a cluster's own versions cannot clash with them).
 */
class SparkJarIT {

  private static final Path PLAIN = Path.of("target/transform.jar");
  private static final Path SPARK = Path.of("target/transform-spark.jar");

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  private static boolean any(List<String> entries, String prefix) {
    return entries.stream().anyMatch(e -> e.startsWith(prefix));
  }

  @Test
  void thePlainJarHasNeitherSparkNorTheSparkJob() throws IOException {
    List<String> entries = entries(PLAIN);
    assertFalse(any(entries, "org/apache/spark/"));
    assertFalse(any(entries, "scala/"));
    assertFalse(any(entries, "org/transformpipeline/spark/"));
    assertTrue(any(entries, "org/transformpipeline/cli/TransformCli"));
    // the plain jar was 79.8 MB before the Spark job existed; Spark's jars are ~280 MB
    assertTrue(Files.size(PLAIN) < 90_000_000L, "transform.jar is " + Files.size(PLAIN));
  }

  @Test
  void theSparkJarIsTheJobWithoutWhatTheClusterProvides() throws IOException {
    List<String> entries = entries(SPARK);
    try (JarFile file = new JarFile(SPARK.toFile())) {
      assertEquals(
          SparkApply.class.getName(),
          file.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    assertTrue(any(entries, "org/transformpipeline/spark/SparkApply"));
    assertTrue(any(entries, "org/openscience/cdk/"));
    for (String provided :
        List.of(
            "org/apache/spark/",
            "scala/",
            "org/apache/hadoop/",
            "org/apache/parquet/",
            "org/slf4j/",
            "ch/qos/logback/",
            "com/fasterxml/jackson/",
            "com/google/common/")) {
      assertFalse(any(entries, provided), provided);
    }
    assertTrue(any(entries, "org/transformpipeline/shaded/jackson/databind/"));
    assertTrue(any(entries, "org/transformpipeline/shaded/guava/hash/"));
    assertTrue(Files.size(SPARK) < 40_000_000L, "transform-spark.jar is " + Files.size(SPARK));
  }
}
