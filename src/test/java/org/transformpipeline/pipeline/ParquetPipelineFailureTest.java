package org.transformpipeline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformLibrary;
import org.transformpipeline.parquet.BatchReader;
import org.transformpipeline.parquet.IdColumn;
import org.transformpipeline.pipeline.dedup.DedupMode;
import org.transformpipeline.pipeline.dedup.DedupStateFile;
import org.transformpipeline.run.PartManifest;
import org.transformpipeline.run.RunOutput;
import org.transformpipeline.run.RunParts;
import org.transformpipeline.testing.ForwardingSink;

/** A run that fails while writing, with the real reader, enumerator and run output. */
class ParquetPipelineFailureTest {

  @Test
  void aWriteFailureMidRunLeavesNoFileAndNoThreads(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("lib.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT smiles, id FROM read_csv('test-data/nci_first_5k.smi', delim='\\t',"
              + " header=false, quote='', escape='', columns={'smiles': 'VARCHAR', 'id':"
              + " 'VARCHAR'}) LIMIT 600) TO '"
              + input
              + "' (FORMAT parquet)");
    }
    Path products = dir.resolve("products.parquet");
    var transforms = TransformLibrary.defaults().transforms();
    PipelineException failure;
    try (BatchReader reader = BatchReader.open(input, "smiles", IdColumn.byDefault(), 20)) {
      RunOutput output =
          new RunOutput(
              RunParts.open(products),
              PartManifest.start(Map.of(), DedupStateFile.ABSENT),
              reader.schema(),
              Map.of(),
              RunOutput.PartLimits.defaults());
      Pipeline pipeline =
          new Pipeline(
              reader,
              new TransformWorker(
                  () -> new ProductEnumerator(transforms, EnumerationLimits.defaults())::enumerate),
              DedupMode.EXACT.create(1000, 1e-6),
              ForwardingSink.diskFullAfter(30, output),
              new Pipeline.Settings(2, 4, 20),
              Fakes.silentProgress());
      failure = assertThrows(PipelineException.class, pipeline::run);
    }

    assertTrue(failure.getMessage().endsWith(": No space left on device"), failure.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(input), files.toList(), "only the input is left");
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertTrue(!t.isAlive() || !t.getName().startsWith("transform-worker"), t.getName());
    }
  }
}
