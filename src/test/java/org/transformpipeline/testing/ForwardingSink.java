package org.transformpipeline.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.transformpipeline.pipeline.ProductRow;
import org.transformpipeline.pipeline.ProductSink;
import org.transformpipeline.pipeline.RejectRow;
import org.transformpipeline.pipeline.RunCheckpoint;

/**
 * A {@link ProductSink} that passes every call on to another: a test overrides the one call it
 * makes fail. The failures the tests need are here, named after what they imitate.
 */
public class ForwardingSink implements ProductSink {

  private final ProductSink next;

  public ForwardingSink(ProductSink next) {
    this.next = next;
  }

  /** Fails like a full disk ("No space left on device") at the product after {@code rows}. */
  public static ProductSink diskFullAfter(int rows, ProductSink next) {
    AtomicInteger written = new AtomicInteger();
    return new ForwardingSink(next) {
      @Override
      public void write(ProductRow row) throws IOException {
        if (written.incrementAndGet() > rows) {
          throw new IOException("No space left on device");
        }
        super.write(row);
      }
    };
  }

  /** Commits, then fails as if the process died right after the commit. */
  public static ProductSink dyingAfterCommit(ProductSink next) {
    return new ForwardingSink(next) {
      @Override
      public void commit() throws IOException {
        super.commit();
        throw new IOException("power cut after the last part");
      }
    };
  }

  @Override
  public void write(ProductRow row) throws IOException {
    next.write(row);
  }

  @Override
  public void reject(RejectRow row) throws IOException {
    next.reject(row);
  }

  @Override
  public void batchWritten(RunCheckpoint checkpoint) throws IOException {
    next.batchWritten(checkpoint);
  }

  @Override
  public void commit() throws IOException {
    next.commit();
  }

  @Override
  public void abort() {
    next.abort();
  }
}
