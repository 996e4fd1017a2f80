package org.transformpipeline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.transformpipeline.chem.ChemistryTimes;
import org.transformpipeline.chem.EnumerationLimits;
import org.transformpipeline.chem.ParentOutcome;
import org.transformpipeline.chem.ProductEnumerator;
import org.transformpipeline.chem.TransformLibrary;

/**
 * Single-thread speed of the chemistry alone (parse + apply + canonical key), no I/O, no dedup. Run
 * by scripts/bench-chemistry.sh:
 *
 * <pre>java -cp target/transform.jar org.transformpipeline.bench.ChemistryBenchmark \
 *     ../shared/data/polyphenols_1m.smi.gz 20000 5</pre>
 *
 * <p>Arguments: SMILES file (optionally gzipped), number of molecules, number of passes (the first
 * passes warm up the JIT; the best of the last passes is reported), optional comma-separated
 * transform names (default: the five reference transforms).
 *
 * <p>With {@code -Dthreads=N} each pass runs N threads in this one JVM, each with its own
 * enumerator on every N-th molecule, and reports products per CPU-second of all of them: against
 * the 1-thread rate it shows what two workers sharing one process cost each other (shared caches,
 * locks, allocation), with no pipeline around them.
 */
public final class ChemistryBenchmark {

  private static final List<String> REFERENCE_TRANSFORMS =
      List.of(
          "phenol_o_methylation",
          "phenol_o_sulfation",
          "phenol_o_glucuronidation",
          "phenol_o_acetylation",
          "amine_n_acetylation");

  private ChemistryBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: ChemistryBenchmark FILE.smi[.gz] [molecules=20000] [passes=5] [transforms]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> names = args.length > 3 ? Arrays.asList(args[3].split(",")) : REFERENCE_TRANSFORMS;
    int threads = Integer.getInteger("threads", 1);
    List<String> smiles = read(file, limit);
    TransformLibrary library = TransformLibrary.defaults().only(names);

    System.out.printf(
        "chemistry benchmark: %d molecules of %s, %d transforms, %d thread(s), %d passes%n",
        smiles.size(), file.getFileName(), library.transforms().size(), threads, passes);
    double best = 0;
    String bestLine = "";
    for (int pass = 1; pass <= passes; pass++) {
      List<ProductEnumerator> enumerators = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        enumerators.add(new ProductEnumerator(library.transforms(), EnumerationLimits.defaults()));
      }
      long[] products = new long[threads];
      long[] cpuNanos = new long[threads];
      long start = System.nanoTime();
      List<Thread> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int worker = i;
        Thread thread =
            new Thread(
                () -> {
                  long cpuStart = cpuNanos();
                  for (int j = worker; j < smiles.size(); j += threads) {
                    if (enumerators.get(worker).enumerate(smiles.get(j))
                        instanceof ParentOutcome.Derivatized d) {
                      products[worker] += d.products().size();
                    }
                  }
                  cpuNanos[worker] = cpuNanos() - cpuStart;
                });
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = Arrays.stream(cpuNanos).sum() / 1e9;
      long allProducts = Arrays.stream(products).sum();
      ChemistryTimes t = enumerators.get(0).times();
      double total = t.totalNanos();
      String line =
          String.format(
              "pass %d: %,d products in %.2f s wall (%.2f s CPU): %,.0f products per CPU-second"
                  + " | parse %.0f%% apply %.0f%% key %.0f%% | %.1f us/product",
              pass,
              allProducts,
              wall,
              cpu,
              allProducts / cpu,
              100 * t.parseNanos() / total,
              100 * t.applyNanos() / total,
              100 * t.keyNanos() / total,
              1e6 * cpu / allProducts);
      System.out.println(line);
      if (pass > 1 && allProducts / cpu > best) {
        best = allProducts / cpu;
        bestLine = line;
      }
    }
    System.out.printf("best: %,.0f products/s per core (%s)%n", best, bestLine.substring(0, 6));
  }

  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static List<String> read(Path file, int limit) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    List<String> smiles = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (smiles.size() < limit && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          smiles.add(line.trim().split("\\s+")[0]);
        }
      }
    }
    return smiles;
  }
}
